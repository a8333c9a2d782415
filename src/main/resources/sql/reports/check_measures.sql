-- What the check rules measure, per workflow name and over every run (workflow_name null): runs,
-- successes, failures and the median SUCCESS duration, as the summary computes them.
-- $1 tool, $2 since, $3 until, $4 exclude CI.
WITH
-- workflow runs in scope
scoped_runs AS (
    SELECT workflow_name, outcome, duration_ms
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
-- one row per name and one for all (the empty grouping set: a row even when no run is in scope)
SELECT workflow_name, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms
FROM scoped_runs
GROUP BY GROUPING SETS ((workflow_name), ())
