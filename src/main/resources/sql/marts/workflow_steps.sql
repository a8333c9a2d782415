-- One row per event of a run, in order, with its step names and the n-grams ending at it
-- (SPEC §5.2, §5.4). Names come from the distinct steps, so strings are built once per step.
SELECT s.workflow_run_id, s.position, s.ingest_seq, s.ts,
       n.step, n.step_with_flags, n.is_entry, n.is_terminal,
       s.exit_code, s.duration_ms, s.error_type,
       p1.step || ' -> ' || n.step AS ngram2,
       p2.step || ' -> ' || p1.step || ' -> ' || n.step AS ngram3
FROM int_steps AS s
JOIN int_step_names AS n ON n.step_key = s.step_key
LEFT JOIN int_step_names AS p1 ON p1.step_key = s.prev_step_key
LEFT JOIN int_step_names AS p2 ON p2.step_key = s.prev2_step_key
