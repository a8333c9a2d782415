-- `--min-cohort` of report funnel NAME: distinct actors behind each value (run only when K > 1).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 funnel, $6 breakdown (a property, 'version' or
-- 'ci'; null for none), as funnel_breakdown.sql reads it (funnel_attempts_in_scope: funnel_scope.sql).
-- Rows: part, row_key ('v' and the value, 'n' for null), actors.
WITH
attempts AS (
    SELECT attempt_id, actor_hash, outcome, steps_reached, failure_class,
           CASE WHEN $6 = 'version' THEN tool_version
                WHEN $6 = 'ci' THEN ci_detected::VARCHAR
                ELSE properties->>$6 END AS value
    FROM funnel_attempts_in_scope($1, $2, $3, $4, $5)
)
SELECT 'all' AS part, NULL AS row_key, count(DISTINCT actor_hash) AS actors FROM attempts
UNION ALL
SELECT '#' || outcome, NULL, count(DISTINCT actor_hash) FROM attempts GROUP BY outcome
UNION ALL
SELECT '#not_completed', NULL, count(DISTINCT actor_hash) FROM attempts WHERE outcome <> 'completed'
UNION ALL
SELECT 'step', 'v' || k, count(DISTINCT actor_hash)
FROM (SELECT actor_hash, unnest(generate_series(1, steps_reached)) AS k FROM attempts)
GROUP BY k
UNION ALL
SELECT 'breakdown', coalesce('v' || value, 'n'), count(DISTINCT actor_hash) FROM attempts WHERE $6 IS NOT NULL GROUP BY value
UNION ALL
SELECT 'failure_class', coalesce('v' || failure_class, 'n'), count(DISTINCT actor_hash)
FROM attempts WHERE outcome = 'failed' GROUP BY failure_class
UNION ALL
SELECT 'command', 'v' || c.command, count(DISTINCT a.actor_hash)
FROM funnel_drop_off_commands AS c
JOIN attempts AS a ON a.attempt_id = c.attempt_id
WHERE c.funnel = $5
GROUP BY c.command
