-- The error types of FAILED runs (the error of the run's last event, as stored, i.e. redacted):
-- failed runs, actors, how many the same actor recovered from later (a SUCCESS of the same
-- workflow in the session, as the summary counts), the time that took, CI's share, the versions.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow), $6 how many.
WITH
-- failed workflow runs in scope
failed_runs AS (
    SELECT actor_hash, ci_detected, tool_version, last_error_type, recovered, time_to_recover_ms
    FROM workflow_runs
    WHERE outcome = 'FAILED'
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
),
-- per error type; times to recover sorted, for the nearest-rank p90 (the ceil(0.9 n)-th value)
per_error AS (
    SELECT last_error_type AS error_type, count(*) AS failed_runs, count(DISTINCT actor_hash) AS actors,
           count(*) FILTER (WHERE recovered) AS recovered,
           floor(median(time_to_recover_ms) FILTER (WHERE recovered))::BIGINT AS median_ms_to_recover,
           list_sort(list(time_to_recover_ms) FILTER (WHERE recovered)) AS recover_times,
           count(*) FILTER (WHERE ci_detected) AS ci_runs,
           list(DISTINCT tool_version) FILTER (WHERE tool_version IS NOT NULL) AS versions
    FROM failed_runs
    GROUP BY last_error_type
)
-- most failed runs first, ties by text, runs without an error text last
SELECT error_type, failed_runs, actors, recovered, median_ms_to_recover,
       recover_times[ceil(0.9 * len(recover_times))::INTEGER] AS p90_ms_to_recover,
       ci_runs, array_to_string(versions, chr(31)) AS versions
FROM per_error
ORDER BY failed_runs DESC, error_type ASC NULLS LAST
LIMIT $6
