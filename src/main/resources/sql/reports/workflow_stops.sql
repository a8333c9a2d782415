-- Where one workflow's runs stop: the number of steps they ended after, by outcome.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql).
-- one row per last step position, outcomes as columns
SELECT step_count AS stopped_after_step, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned_count,
       count(*) FILTER (WHERE outcome = 'IN_PROGRESS') AS in_progress_count
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
GROUP BY step_count
ORDER BY step_count
