-- One row per event of a run, in order, with its step names and the n-grams ending at it
-- (SPEC §5.2, §5.4). Names come from the distinct step triples, so strings are built once per
-- distinct value, not once per event, and each step joins them on one 64-bit key (the hash of
-- the triple; a collision among a few thousand triples is astronomically unlikely).
WITH
-- the distinct (two steps back, one step back, this step) triples, by key (int_steps)
triples AS (
    SELECT triple_key, any_value(prev2_step_key) AS prev2_step_key, any_value(prev_step_key) AS prev_step_key,
           any_value(step_key) AS step_key
    FROM int_steps
    GROUP BY triple_key
),
-- their names and n-grams: steps without flags joined by ' -> '
ngrams AS (
    SELECT t.triple_key, n.step, n.step_with_flags, n.is_entry, n.is_terminal,
           p1.step || ' -> ' || n.step AS ngram2,
           p2.step || ' -> ' || p1.step || ' -> ' || n.step AS ngram3
    FROM triples AS t
    JOIN int_step_names AS n ON n.step_key = t.step_key
    LEFT JOIN int_step_names AS p1 ON p1.step_key = t.prev_step_key
    LEFT JOIN int_step_names AS p2 ON p2.step_key = t.prev2_step_key
)
SELECT o.run_offset + (s.run_key & 4294967295) AS workflow_run_id, s.position, s.ingest_seq, s.ts,
       g.step, g.step_with_flags, g.is_entry, g.is_terminal,
       s.exit_code, s.duration_ms, s.error_type,
       g.ngram2, g.ngram3
FROM int_steps AS s
JOIN int_pair_offsets AS o USING (pair_key)
JOIN ngrams AS g USING (triple_key)
