-- `--min-cohort`: distinct actors per workflow name over the runs in scope (the rows of top_workflows), per
-- outcome ('#' and the outcome), of the failed runs recovered later ('#recovered') and per tool and
-- version ('^', the tool, chr(31), 'v' and the version or 'n' for none: the regressed releases).
-- $1 tool, $2 since, $3 until, $4 exclude CI.
WITH
-- workflow runs in scope, as workflow_stats.sql keeps them
scoped_runs AS (
    SELECT workflow_name, outcome, recovered, tool_name, tool_version, actor_hash
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
SELECT 'v' || workflow_name AS row_key, count(DISTINCT actor_hash) AS actors FROM scoped_runs GROUP BY workflow_name
UNION ALL
SELECT '#' || outcome, count(DISTINCT actor_hash) FROM scoped_runs GROUP BY outcome
UNION ALL
SELECT '#recovered', count(DISTINCT actor_hash) FROM scoped_runs WHERE recovered
UNION ALL
SELECT '^' || tool_name || chr(31) || coalesce('v' || tool_version, 'n'), count(DISTINCT actor_hash)
FROM scoped_runs GROUP BY tool_name, tool_version
