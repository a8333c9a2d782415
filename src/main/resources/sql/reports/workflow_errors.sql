-- The error types that ended one workflow's FAILED runs, most frequent first, ties by text.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql), $6 how many.
-- failed runs per error type (null: the event carried none)
SELECT last_error_type AS error_type, count(*) AS failed_runs
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
WHERE outcome = 'FAILED'
GROUP BY last_error_type
ORDER BY failed_runs DESC, error_type ASC NULLS LAST
LIMIT $6
