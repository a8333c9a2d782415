-- The workflow_step_triples table (workflow_step_triples.sql): one row per distinct step triple of
-- TEMP VIEW run_steps, with this step's names and roles and the n-grams ending at it (steps without
-- flags joined by ' -> '; null before position 2 and 3).
SELECT DISTINCT r.triple_key, r.step, r.step_with_flags, r.is_entry, r.is_terminal,
       r.p1.step || ' -> ' || r.step AS ngram2,
       r.p2.step || ' -> ' || r.p1.step || ' -> ' || r.step AS ngram3
FROM run_steps AS r
