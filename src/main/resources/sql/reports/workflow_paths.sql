-- One workflow's most common fingerprints with their outcomes; ties by fingerprint.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql), $6 how many.
-- runs and successes per fingerprint
SELECT fingerprint, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
GROUP BY fingerprint
ORDER BY runs DESC, fingerprint ASC
LIMIT $6
