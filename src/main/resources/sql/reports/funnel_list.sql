-- Every funnel with its totals in scope (report funnel): user funnels always, built-in ones when
-- they have attempts in the whole data. $1 tool, $2 since, $3 until, $4 exclude CI.
WITH
-- attempts per funnel and outcome in scope
totals AS (
    SELECT funnel, count(*) AS attempts,
           count(*) FILTER (WHERE outcome = 'completed') AS completed,
           count(*) FILTER (WHERE outcome = 'failed') AS failed_attempts
    FROM funnel_attempts_in_scope($1, $2, $3, $4, NULL)
    GROUP BY funnel
),
-- the funnels with any attempt at all
with_data AS (
    SELECT DISTINCT funnel FROM funnel_attempts
)
-- in the order of the settings
SELECT f.funnel, f.step_count, f.window_ms, coalesce(t.attempts, 0) AS attempts, coalesce(t.completed, 0) AS completed,
       coalesce(t.failed_attempts, 0) AS failed_attempts
FROM funnels AS f
LEFT JOIN totals AS t ON t.funnel = f.funnel
WHERE NOT f.builtin OR f.funnel IN (SELECT funnel FROM with_data)
ORDER BY f.position
