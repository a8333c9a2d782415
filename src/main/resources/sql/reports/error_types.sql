-- The distinct error types of FAILED runs (as stored, redacted), for check's max_new_error_types.
-- $1 tool, $2 since, $3 until, $4 exclude CI (a baseline database is read with no filter).
-- error texts of failed runs in scope; runs without one have no type
SELECT DISTINCT last_error_type AS error_type
FROM workflow_runs
WHERE outcome = 'FAILED' AND last_error_type IS NOT NULL
  AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
  AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
  AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
  AND NOT ($4::BOOLEAN AND ci_detected)
ORDER BY error_type
