-- The events of the workflow runs the filters keep, one row per event in run order, for the XES
-- event log (one trace per run): the run's attributes repeated on each of its rows, so the log
-- streams in one pass. Reads export_workflow_runs (scope.sql): ? tool, ? since, ? until, ? exclude CI.
-- timestamps as xs:dateTime text with microseconds, in UTC
SELECT r.workflow_run_id, r.workflow_name, r.outcome, r.actor_hash, r.tool_name,
       t.step, strftime(s.ts AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') AS ts,
       s.exit_code, s.duration_ms, s.error_type
FROM export_workflow_runs(?, ?, ?, ?) AS r
JOIN workflow_step_rows AS s USING (workflow_run_id)
JOIN workflow_step_triples AS t USING (triple_key)
ORDER BY r.workflow_run_id, s.position
