-- Workflow runs and success rate over time for the HTML report's trend chart: per UTC day when the
-- runs span at most 60 days, else per week (from Monday), every bucket in the range (empty ones as 0).
-- Buckets are numbered as report trends numbers its periods (trends.sql): UTC days since 1970-01-01
-- from the runs' epoch microseconds, integer arithmetic rather than a time-zone conversion per run.
-- $1 tool, $2 since, $3 until, $4 exclude CI.
WITH
-- the runs the filter keeps, with their UTC day
runs AS (
    SELECT floor(epoch_us(started_at) / 86400000000)::BIGINT AS day, outcome
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- runs per day and outcome (a few hundred rows, whatever the number of runs)
per_day AS (
    SELECT day, count(*) AS runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
           count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
    FROM runs
    GROUP BY day
),
-- day or week: whichever keeps the chart within 60 points (days give at least as many as weeks)
unit AS (
    SELECT CASE WHEN max(day) - min(day) < 60 THEN 'day' ELSE 'week' END AS unit
    FROM per_day
    HAVING count(*) > 0
),
-- each day's bucket: the day, or the Monday that starts its week (1970-01-01 was a Thursday)
bucketed AS (
    SELECT CASE WHEN u.unit = 'day' THEN d.day ELSE (floor((d.day + 3) / 7) * 7 - 3)::BIGINT END AS bucket,
           d.runs, d.success_count, d.failed_count
    FROM per_day AS d, unit AS u
),
-- runs per bucket
counted AS (
    SELECT bucket, sum(runs) AS runs, sum(success_count) AS success_count, sum(failed_count) AS failed_count
    FROM bucketed
    GROUP BY bucket
),
-- every bucket from the first run's to the last run's
buckets AS (
    SELECT u.unit, unnest(generate_series(min(c.bucket), max(c.bucket), CASE WHEN u.unit = 'day' THEN 1 ELSE 7 END)) AS bucket
    FROM counted AS c, unit AS u
    GROUP BY u.unit
)
-- one row per bucket; success rate over all runs started in it, as report summary counts it
SELECT b.unit, strftime(make_timestamp(b.bucket * 86400000000), '%Y-%m-%d') AS bucket,
       coalesce(c.runs, 0)::BIGINT AS runs,
       coalesce(c.success_count, 0)::BIGINT AS success_count,
       coalesce(c.failed_count, 0)::BIGINT AS failed_count
FROM buckets AS b
LEFT JOIN counted AS c ON c.bucket = b.bucket
ORDER BY b.bucket
