-- Where one workflow's runs stop: the number of steps they ended after, by outcome.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name.
WITH
-- the workflow's runs in scope
scoped_runs AS (
    SELECT step_count, outcome
    FROM workflow_runs
    WHERE workflow_name = $5
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
-- one row per last step position, outcomes as columns
SELECT step_count AS stopped_after_step, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned_count,
       count(*) FILTER (WHERE outcome = 'IN_PROGRESS') AS in_progress_count
FROM scoped_runs
GROUP BY step_count
ORDER BY step_count
