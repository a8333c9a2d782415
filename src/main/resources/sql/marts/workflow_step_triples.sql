-- One row per distinct (two steps back, one step back, this step) triple within a run, with this
-- step's names and roles and the n-grams ending at it (SPEC §5.2, §5.4). Strings are built once
-- per triple, not once per event; workflow_step_rows refers to a triple by its 64-bit key (the
-- hash of the three steps, int_steps; a collision among a few thousand triples is astronomically
-- unlikely) and the view workflow_steps joins them.
WITH
-- the distinct triples
triples AS (
    SELECT triple_key, any_value(prev2_step_key) AS prev2_step_key, any_value(prev_step_key) AS prev_step_key,
           any_value(step_key) AS step_key
    FROM int_steps
    GROUP BY triple_key
)
-- their names and n-grams: steps without flags joined by ' -> '
SELECT t.triple_key, n.step, n.step_with_flags, n.is_entry, n.is_terminal,
       p1.step || ' -> ' || n.step AS ngram2,
       p2.step || ' -> ' || p1.step || ' -> ' || n.step AS ngram3
FROM triples AS t
JOIN int_step_names AS n ON n.step_key = t.step_key
LEFT JOIN int_step_names AS p1 ON p1.step_key = t.prev_step_key
LEFT JOIN int_step_names AS p2 ON p2.step_key = t.prev2_step_key
