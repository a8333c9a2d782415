-- One workflow's latest runs, newest first (ties by id, highest first).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql), $6 how many.
SELECT workflow_run_id AS id, outcome, started_at, duration_ms, step_count
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
ORDER BY started_at DESC, workflow_run_id DESC
LIMIT $6
