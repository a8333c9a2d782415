-- `--min-cohort` of report funnel without a name: distinct actors of each funnel's attempts in scope
-- and of its completed, failed and not completed ones, the parts funnel NAME judges its totals by
-- (cohort_funnel.sql). Run only when K > 1; funnel_attempts_in_scope: funnel_scope.sql. A funnel
-- without an attempt has no row. $1 tool, $2 since, $3 until, $4 exclude CI.
-- Rows: part, row_key ('v' and the funnel), actors.
WITH
attempts AS (
    SELECT funnel, actor_hash, outcome FROM funnel_attempts_in_scope($1, $2, $3, $4, NULL)
)
SELECT 'all' AS part, 'v' || funnel AS row_key, count(DISTINCT actor_hash) AS actors FROM attempts GROUP BY funnel
UNION ALL
SELECT outcome, 'v' || funnel, count(DISTINCT actor_hash) FROM attempts WHERE outcome IN ('completed', 'failed')
GROUP BY funnel, outcome
UNION ALL
SELECT 'not_completed', 'v' || funnel, count(DISTINCT actor_hash) FROM attempts WHERE outcome <> 'completed'
GROUP BY funnel
