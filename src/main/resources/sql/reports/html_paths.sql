-- Each workflow's most common paths (command fingerprints) with their outcomes; ties by fingerprint.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 paths per workflow.
-- runs per workflow and fingerprint the filter keeps
WITH counted AS (
    SELECT workflow_name, fingerprint, count(*) AS runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
           count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
    GROUP BY workflow_name, fingerprint
),
-- rank within the workflow
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY workflow_name ORDER BY runs DESC, fingerprint ASC) AS path_rank
    FROM counted
)
SELECT workflow_name, path_rank, fingerprint, runs, success_count, failed_count
FROM ranked
WHERE path_rank <= $5
ORDER BY workflow_name, path_rank
