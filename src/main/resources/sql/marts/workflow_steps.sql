-- One row per event of a run, in order, with its step names and the n-grams ending at it
-- (SPEC §5.2, §5.4). Names come from the distinct steps and distinct step triples, so strings
-- are built once per distinct value, not once per event.
WITH
-- the distinct (two steps back, one step back, this step) combinations
triples AS (
    SELECT DISTINCT prev2_step_key, prev_step_key, step_key FROM int_steps
),
-- their n-grams: steps without flags joined by ' -> '
ngrams AS (
    SELECT t.prev2_step_key, t.prev_step_key, t.step_key,
           p1.step || ' -> ' || n.step AS ngram2,
           p2.step || ' -> ' || p1.step || ' -> ' || n.step AS ngram3
    FROM triples AS t
    JOIN int_step_names AS n ON n.step_key = t.step_key
    LEFT JOIN int_step_names AS p1 ON p1.step_key = t.prev_step_key
    LEFT JOIN int_step_names AS p2 ON p2.step_key = t.prev2_step_key
)
SELECT s.workflow_run_id, s.position, s.ingest_seq, s.ts,
       n.step, n.step_with_flags, n.is_entry, n.is_terminal,
       s.exit_code, s.duration_ms, s.error_type,
       g.ngram2, g.ngram3
FROM int_steps AS s
JOIN int_step_names AS n ON n.step_key = s.step_key
JOIN ngrams AS g
  ON g.step_key = s.step_key
 AND g.prev_step_key IS NOT DISTINCT FROM s.prev_step_key
 AND g.prev2_step_key IS NOT DISTINCT FROM s.prev2_step_key
