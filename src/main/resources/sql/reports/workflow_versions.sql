-- One workflow's outcomes per tool version (of each run's first event), most runs first, ties by version.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql), $6 how many.
-- runs and successes per version (null: the events carried none)
SELECT tool_version, count(*) AS total_runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
GROUP BY tool_version
ORDER BY total_runs DESC, tool_version ASC NULLS LAST
LIMIT $6
