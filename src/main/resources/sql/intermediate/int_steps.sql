-- Every event as a step of its run: the ids from int_events_numbered with what the marts need
-- from the event itself.
SELECT n.workflow_run_id, n.position, n.session_position, n.session_id, n.pair_key, n.split_reason,
       n.step_key, n.prev_step_key, n.prev2_step_key, n.is_last_in_run, n.is_last_in_session,
       e.ingest_seq, e.ts,
       e.ts + to_milliseconds(coalesce(e.duration_ms, 0)) AS ended_at,
       e.exit_code, e.duration_ms, e.error_type, e.tool_version,
       e.session_hint_hash, e.ci_detected
FROM int_events_numbered AS n
JOIN events AS e USING (ingest_seq)
