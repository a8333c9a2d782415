-- One workflow's most common fingerprints with their outcomes; ties by fingerprint.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name, $6 how many.
WITH
-- the workflow's runs in scope
scoped_runs AS (
    SELECT fingerprint, outcome
    FROM workflow_runs
    WHERE workflow_name = $5
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
-- runs and successes per fingerprint
SELECT fingerprint, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
FROM scoped_runs
GROUP BY fingerprint
ORDER BY runs DESC, fingerprint ASC
LIMIT $6
