-- Workflow runs per period (UTC days, or weeks starting Monday) by their start: outcomes, the median
-- SUCCESS duration, actors. Periods between the first and the last without runs are listed with 0.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow), $6 'day' or 'week'.
WITH
-- workflow runs in scope, with their period as a number of UTC days since 1970-01-01: the day, or
-- the Monday that starts the week (1970-01-01 was a Thursday); integer arithmetic, not a time-zone
-- conversion per run
scoped_runs AS (
    SELECT CASE WHEN $6::VARCHAR = 'week'
                THEN floor((floor(epoch_us(started_at) / 86400000000) + 3) / 7) * 7 - 3
                ELSE floor(epoch_us(started_at) / 86400000000) END::BIGINT AS period,
           outcome, duration_ms, actor_hash
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
),
-- counts per period
per_period AS (
    SELECT period, count(*) AS runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
           count(*) FILTER (WHERE outcome = 'FAILED') AS failed,
           count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned,
           floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms,
           count(DISTINCT actor_hash) AS actors
    FROM scoped_runs
    GROUP BY period
),
-- every period from the first to the last, so a quiet one shows as a gap, not as nothing
calendar AS (
    SELECT unnest(generate_series(min(period), max(period), CASE WHEN $6::VARCHAR = 'week' THEN 7 ELSE 1 END)) AS period
    FROM per_period
    HAVING count(*) > 0
)
SELECT timezone('UTC', make_timestamp(c.period * 86400000000)) AS period_start, coalesce(p.runs, 0) AS runs,
       coalesce(p.success_count, 0) AS success_count, coalesce(p.failed, 0) AS failed,
       coalesce(p.abandoned, 0) AS abandoned, p.median_duration_ms, coalesce(p.actors, 0) AS actors
FROM calendar AS c
LEFT JOIN per_period AS p USING (period)
ORDER BY c.period
