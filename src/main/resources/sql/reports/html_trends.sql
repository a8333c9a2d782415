-- Workflow runs and success rate over time for the HTML report's trend chart: per UTC day when the
-- runs span at most 60 days, else per week (from Monday), every bucket in the range (empty ones as 0).
-- $1 tool, $2 since, $3 until, $4 exclude CI.
-- the runs the filter keeps, with their start as a UTC timestamp
WITH runs AS (
    SELECT timezone('UTC', started_at) AS started_utc, outcome
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- day or week: whichever keeps the chart within 60 points (days give at least as many as weeks)
unit AS (
    SELECT CASE WHEN date_diff('day', min(started_utc)::DATE, max(started_utc)::DATE) < 60 THEN 'day' ELSE 'week' END AS unit,
           min(started_utc) AS first_utc, max(started_utc) AS last_utc
    FROM runs
    HAVING count(*) > 0
),
-- every bucket from the first run's to the last run's
buckets AS (
    SELECT u.unit, unnest(generate_series(date_trunc(u.unit, u.first_utc), date_trunc(u.unit, u.last_utc),
                                          CASE WHEN u.unit = 'day' THEN INTERVAL 1 DAY ELSE INTERVAL 7 DAY END)) AS bucket
    FROM unit u
),
-- runs per bucket and outcome
counted AS (
    SELECT date_trunc((SELECT unit FROM unit), started_utc) AS bucket,
           count(*) AS runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
           count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count
    FROM runs
    GROUP BY 1
)
-- one row per bucket; success rate over all runs started in it, as report summary counts it
SELECT b.unit, strftime(b.bucket, '%Y-%m-%d') AS bucket,
       coalesce(c.runs, 0) AS runs,
       coalesce(c.success_count, 0) AS success_count,
       coalesce(c.failed_count, 0) AS failed_count
FROM buckets b
LEFT JOIN counted c ON c.bucket = b.bucket
ORDER BY b.bucket
