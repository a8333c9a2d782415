-- One row per event of a run, in order (SPEC §5.2), with the key of its step triple: the step's
-- names and the n-grams ending at it are in workflow_step_triples, once per triple, and the view
-- workflow_steps joins them back. The error text is spelled out from its key (int_versions).
SELECT o.run_offset + (s.run_key & 4294967295) AS workflow_run_id, s.position, s.ingest_seq, s.ts,
       s.exit_code, s.duration_ms, x.text AS error_type, s.triple_key
FROM int_steps AS s
JOIN int_pair_offsets AS o USING (pair_key)
LEFT JOIN int_versions AS x ON x.text_key = s.error_key
