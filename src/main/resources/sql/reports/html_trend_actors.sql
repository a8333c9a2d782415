-- `--min-cohort` of the HTML report's trend chart: the distinct actors behind each of its buckets,
-- bucketed as html_trends.sql buckets (run only when K > 1). $1 tool, $2 since, $3 until,
-- $4 exclude CI, $5 the unit html_trends.sql chose ('day' or 'week').
WITH
-- the runs the filter keeps, with their UTC day and actor
runs AS (
    SELECT floor(epoch_us(started_at) / 86400000000)::BIGINT AS day, actor_hash
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- each run's bucket: the day, or the Monday that starts its week (1970-01-01 was a Thursday)
bucketed AS (
    SELECT CASE WHEN $5::VARCHAR = 'day' THEN day ELSE (floor((day + 3) / 7) * 7 - 3)::BIGINT END AS bucket, actor_hash
    FROM runs
)
SELECT strftime(make_timestamp(bucket * 86400000000), '%Y-%m-%d') AS bucket, count(DISTINCT actor_hash) AS actors
FROM bucketed
GROUP BY bucket
