-- Per workflow name: runs by outcome and the median SUCCESS duration (SPEC §6.1 top_workflows); ties by name.
-- Shared: infer stores it unfiltered (all names) in workflow_stats; reports run it with filters.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 how many (null = all).
WITH
-- workflow runs in scope
scoped_runs AS (
    SELECT workflow_name, outcome, duration_ms
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- outcome counts and the median duration of successful runs, floored to whole ms
per_name AS (
    SELECT workflow_name AS name,
           count(*) AS total_runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
           count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
           count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned_count,
           count(*) FILTER (WHERE outcome = 'IN_PROGRESS') AS in_progress_count,
           floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms
    FROM scoped_runs
    GROUP BY workflow_name
)
SELECT * FROM per_name ORDER BY total_runs DESC, name ASC LIMIT $5
