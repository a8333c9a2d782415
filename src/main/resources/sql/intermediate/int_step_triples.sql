-- One row per distinct (two steps back, one step back, this step) triple within a run (int_steps
-- gives each step the key of its triple: three 21-bit step ids packed, 0 for none), with what
-- steps and runs read off it, built once per triple rather than once per step: this step's
-- names and roles, the n-grams ending at it (SPEC §5.4), and for a run whose last three steps (or
-- fewer) these are, the leaf that names it (run_leaf) and the key of the step sequence
-- (sequence_part; int_runs).
WITH
-- the distinct triples, unpacked, and how many steps they hold (0 stands for no step)
triples AS (
    SELECT triple_key, prev2_step_of(triple_key) AS prev2_step_id,
           prev_step_of(triple_key) AS prev_step_id, step_of(triple_key) AS step_id,
           1 + (prev_step_of(triple_key) <> 0)::INTEGER + (prev2_step_of(triple_key) <> 0)::INTEGER AS steps
    FROM (SELECT DISTINCT triple_key FROM int_steps)
)
-- names, roles and n-grams (steps without flags joined by ' -> '); the name's leaf (run_leaf)
-- of a run whose steps are these, from the terminal leaves among them in step order
SELECT t.triple_key, n.tool_id, n.step, n.step_with_flags, n.is_entry, n.is_terminal,
       p1.step || ' -> ' || n.step AS ngram2,
       p2.step || ' -> ' || p1.step || ' -> ' || n.step AS ngram3,
       run_leaf(list_filter([CASE WHEN p2.is_terminal THEN p2.leaf_id END,
                             CASE WHEN p1.is_terminal THEN p1.leaf_id END,
                             CASE WHEN n.is_terminal THEN n.leaf_id END], l -> l IS NOT NULL)) AS short_run_leaf_id,
       xor(xor(CASE WHEN t.steps = 3 THEN sequence_part(1, t.prev2_step_id) ELSE 0 END,
               CASE WHEN t.steps >= 2 THEN sequence_part(t.steps - 1, t.prev_step_id) ELSE 0 END),
           sequence_part(t.steps, t.step_id)) AS sequence_key
FROM triples AS t
JOIN int_step_names AS n ON n.step_id = t.step_id
LEFT JOIN int_step_names AS p1 ON p1.step_id = t.prev_step_id
LEFT JOIN int_step_names AS p2 ON p2.step_id = t.prev2_step_id
