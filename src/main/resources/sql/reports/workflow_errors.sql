-- The error types that ended one workflow's FAILED runs, most frequent first, ties by text.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name, $6 how many.
WITH
-- the workflow's failed runs in scope
failed AS (
    SELECT last_error_type
    FROM workflow_runs
    WHERE workflow_name = $5 AND outcome = 'FAILED'
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
-- failed runs per error type (null: the event carried none)
SELECT last_error_type AS error_type, count(*) AS failed_runs
FROM failed
GROUP BY last_error_type
ORDER BY failed_runs DESC, error_type ASC NULLS LAST
LIMIT $6
