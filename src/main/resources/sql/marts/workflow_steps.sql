-- One row per event of a run, in order, with its step names and the n-grams ending at it
-- (SPEC §5.2, §5.4), read off the step's triple (int_step_triples), so strings are built once
-- per distinct triple, not once per event.
SELECT o.run_offset + (s.run_key & 4294967295) AS workflow_run_id, s.position, s.ingest_seq, s.ts,
       g.step, g.step_with_flags, g.is_entry, g.is_terminal,
       s.exit_code, s.duration_ms, s.error_type,
       g.ngram2, g.ngram3
FROM int_steps AS s
JOIN int_pair_offsets AS o USING (pair_key)
JOIN int_step_triples AS g USING (triple_key)
