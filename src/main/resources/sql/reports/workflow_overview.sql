-- One workflow's totals (SPEC §6.2): runs per outcome, durations of successful runs, recovery.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql).
-- outcome counts; median and p90 over SUCCESS runs, floored to whole ms
SELECT count(*) AS total_runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned_count,
       count(*) FILTER (WHERE outcome = 'IN_PROGRESS') AS in_progress_count,
       count(*) FILTER (WHERE outcome = 'FAILED' AND recovered) AS recovered_count,
       floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms,
       floor(quantile_cont(duration_ms, 0.9) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS p90_duration_ms
FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
