-- One row per event of a run, in order (SPEC §5.2), with the key of its step triple: the step's
-- names and the n-grams ending at it are in workflow_step_triples, once per triple, and the view
-- workflow_steps joins them back. The error text is spelled out from its key (int_texts). For
-- report graph: the gap from the previous step (int_steps) and, on a run's last step, its outcome
-- (run_outcome_code on the step itself, its triple telling whether it is terminal: a join with
-- int_runs instead cost 0.4 s at 5M events).
SELECT o.run_offset + run_number_of(s.run_key) AS workflow_run_id, s.position, s.ingest_seq, s.ts,
       s.exit_code, s.duration_ms, x.text AS error_type, s.triple_key,
       s.gap_us,
       CASE WHEN s.is_last_in_run
            THEN outcome_name(run_outcome_code(s.is_last_in_session, t.is_terminal, s.exit_code,
                                               event_end_us(s.ts, s.duration_ms), st.as_of, st.session_timeout_ms))
       END AS end_outcome
FROM int_steps AS s
JOIN int_pair_offsets AS o USING (pair_key)
JOIN int_step_triples AS t USING (triple_key)
CROSS JOIN infer_settings AS st
LEFT JOIN int_texts AS x ON x.text_key = s.error_key
