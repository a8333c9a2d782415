-- Per step of one funnel (docs/funnels.md): the attempts that reached it, their actors, and the
-- times from the previous step: median floored to whole ms, p90 by nearest rank (the smallest
-- value with at least 90% of the values at or below it), floored to whole ms.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 funnel.
WITH
-- each step each attempt reached, with the microseconds since the previous step was reached
reached AS (
    SELECT actor_hash, k AS step,
           CASE WHEN k > 1 THEN epoch_us(step_times[k]) - epoch_us(step_times[k - 1]) END AS us_from_previous
    FROM (SELECT actor_hash, step_times, unnest(generate_series(1, steps_reached)) AS k
          FROM funnel_attempts_in_scope($1, $2, $3, $4, $5))
),
-- per step: counts and the two statistics
per_step AS (
    SELECT step, count(*) AS reached, count(DISTINCT actor_hash) AS distinct_actors,
           floor(quantile_cont(us_from_previous, 0.5) / 1000)::BIGINT AS median_ms_from_previous,
           (list_sort(list(us_from_previous) FILTER (WHERE us_from_previous IS NOT NULL))
                [ceil(0.9 * count(us_from_previous))::BIGINT] // 1000)::BIGINT AS p90_ms_from_previous
    FROM reached
    GROUP BY step
)
-- every step of the funnel, reached or not
SELECT s.step, s.step_name, coalesce(p.reached, 0) AS reached, coalesce(p.distinct_actors, 0) AS distinct_actors,
       p.median_ms_from_previous, p.p90_ms_from_previous
FROM funnel_steps AS s
LEFT JOIN per_step AS p ON p.step = s.step
WHERE s.funnel = $5
ORDER BY s.step
