-- What check's no_regression and the summary's regressed releases need of each tool and version
-- (versions.sql without the medians, last seen and distinct actors, which only the reports show):
-- runs, successes, failures, first seen. Shared: infer stores it unfiltered in version_counts;
-- the summary and check run it when a filter is given.
-- $1 tool, $2 since, $3 until, $4 exclude CI.
WITH
-- workflow runs in scope
scoped_runs AS (
    SELECT tool_name, tool_version, outcome, started_at
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
-- one row per (tool, version), a null version when the events carried none
SELECT tool_name, tool_version, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       min(started_at) AS first_seen
FROM scoped_runs
GROUP BY tool_name, tool_version
ORDER BY tool_name, first_seen, tool_version NULLS LAST
