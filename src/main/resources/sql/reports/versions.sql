-- Per tool and tool version (a run's version is that of its last event): runs, successes,
-- failures, the median SUCCESS duration, when the version was first and last seen, actors.
-- Semantic-version order, the Wilson interval and the regression flag are the caller's (Releases).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow).
WITH
-- workflow runs in scope
scoped_runs AS (
    SELECT tool_name, tool_version, outcome, duration_ms, started_at, actor_hash
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
)
-- one row per (tool, version), a null version when the events carried none
SELECT tool_name, tool_version, count(*) AS runs,
       count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
       count(*) FILTER (WHERE outcome = 'FAILED') AS failed_count,
       floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms,
       min(started_at) AS first_seen, max(started_at) AS last_seen,
       count(DISTINCT actor_hash) AS actors
FROM scoped_runs
GROUP BY tool_name, tool_version
ORDER BY tool_name, first_seen, tool_version NULLS LAST
