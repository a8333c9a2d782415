-- One workflow's latest runs, newest first (ties by id, highest first).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name, $6 how many.
SELECT workflow_run_id AS id, outcome, started_at, duration_ms, step_count
FROM workflow_runs
WHERE workflow_name = $5
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
ORDER BY started_at DESC, workflow_run_id DESC
LIMIT $6
