-- Each workflow's distribution of successful runs' durations, as a box: 5th, 25th, 50th, 75th and
-- 95th percentile (whiskers at 5 and 95 so one stuck run does not flatten every box), floored to ms.
-- $1 tool, $2 since, $3 until, $4 exclude CI.
-- successful runs the filter keeps, grouped per workflow; the five quantiles from one sort
SELECT workflow_name, runs,
       floor(q[1])::BIGINT AS p5_ms,
       floor(q[2])::BIGINT AS p25_ms,
       floor(q[3])::BIGINT AS median_ms,
       floor(q[4])::BIGINT AS p75_ms,
       floor(q[5])::BIGINT AS p95_ms
FROM (SELECT workflow_name, count(*) AS runs, quantile_cont(duration_ms, [0.05, 0.25, 0.5, 0.75, 0.95]) AS q
      FROM workflow_runs
      WHERE outcome = 'SUCCESS' AND duration_ms IS NOT NULL
        AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
        AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
        AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
        AND NOT ($4::BOOLEAN AND ci_detected)
      GROUP BY workflow_name)
ORDER BY workflow_name
