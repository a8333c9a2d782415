-- What the check rules measure, read from what infer stored for all data (no filter) instead of
-- recomputed (as the summary reads them): per workflow name from workflow_stats, over every run
-- (workflow_name null) from summary_totals, whose median SUCCESS duration is not stored (null here:
-- a max_median_duration rule over every run computes check_measures.sql instead).
WITH
-- per workflow name, as check_measures.sql computes them
per_name AS (
    SELECT name AS workflow_name, total_runs AS runs, success_count, failed_count, median_duration_ms
    FROM workflow_stats
),
-- every run
all_runs AS (
    SELECT NULL::VARCHAR AS workflow_name, workflow_runs AS runs, success_runs AS success_count,
           failed_runs AS failed_count, NULL::BIGINT AS median_duration_ms
    FROM summary_totals
)
SELECT * FROM per_name
UNION ALL
SELECT * FROM all_runs
