-- One row per event of a run (SPEC §5.2), stored in workflow_step_rows: its run's dense id
-- (int_pair_offsets), its position and the event's own values; names and n-grams by the key of its
-- step triple (workflow_step_triples). The view workflow_steps joins the two.
SELECT o.run_offset + (s.run_key & 4294967295) AS workflow_run_id, s.position, s.ingest_seq, s.ts,
       s.exit_code, s.duration_ms, s.error_type, s.triple_key
FROM int_steps AS s
JOIN int_pair_offsets AS o USING (pair_key)
