-- `--min-cohort`: distinct actors per workflow name over the runs in scope (the rows of top_workflows), per
-- outcome ('#' and the outcome) and of the failed runs recovered later ('#recovered').
-- $1 tool, $2 since, $3 until, $4 exclude CI.
WITH
-- workflow runs in scope, as workflow_stats.sql keeps them
scoped_runs AS (
    SELECT workflow_name, outcome, recovered, actor_hash
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
