-- The newest infer run and the settings it used; no row when infer never ran.
SELECT infer_id, finished_at, session_timeout_ms, as_of, as_of_given, workflows_file, last_ingest_run_id,
       events, sessions, workflow_runs
FROM infer_runs
ORDER BY infer_id DESC
LIMIT 1
