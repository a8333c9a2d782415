-- One workflow's outcomes per tool and tool version (of each run's first event): a name can span
-- tools (kubectl and terraform both end runs with apply). Most runs first, ties by tool, then version.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql), $6 how many.
-- runs and successes per (tool, version) (a null version: the events carried none)
SELECT tool_name, tool_version, count(*) AS total_runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
GROUP BY tool_name, tool_version
ORDER BY total_runs DESC, tool_name ASC, tool_version ASC NULLS LAST
LIMIT $6
