-- One workflow's totals (SPEC §6.2): runs per outcome, durations of successful runs, recovery.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name.
WITH
-- the workflow's runs in scope
scoped_runs AS (
    SELECT outcome, duration_ms, recovered
    FROM workflow_runs
    WHERE workflow_name = $5
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
-- outcome counts; median and p90 over SUCCESS runs, floored to whole ms
SELECT count(*) AS total_runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned_count,
       count(*) FILTER (WHERE outcome = 'IN_PROGRESS') AS in_progress_count,
       count(*) FILTER (WHERE outcome = 'FAILED' AND recovered) AS recovered_count,
       floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms,
       floor(quantile_cont(duration_ms, 0.9) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS p90_duration_ms
FROM scoped_runs
