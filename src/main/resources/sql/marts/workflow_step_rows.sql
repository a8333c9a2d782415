-- One row per event of a run, in order (SPEC §5.2), with the key of its step triple: the step's
-- names and the n-grams ending at it are in workflow_step_triples, once per triple, and the view
-- workflow_steps joins them back. The error text is spelled out from its key (int_texts). For
-- report graph: the gap from the previous step and, on a run's last step, the run's outcome (both
-- from int_steps: a join with int_runs for the outcome cost 0.4 s at 5M events).
SELECT o.run_offset + run_number_of(s.run_key) AS workflow_run_id, s.position, s.ingest_seq, s.ts,
       s.exit_code, s.duration_ms, x.text AS error_type, s.triple_key,
       s.gap_us, outcome_name(s.outcome_code) AS end_outcome
FROM int_steps AS s
JOIN int_pair_offsets AS o USING (pair_key)
LEFT JOIN int_texts AS x ON x.text_key = s.error_key
