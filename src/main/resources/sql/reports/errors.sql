-- The error types of FAILED runs (the error of the run's last event, as stored, i.e. redacted):
-- failed runs, actors, how many the same actor recovered from later (a SUCCESS of the same
-- workflow in the session, as the summary counts), the time that took, CI's share, the versions.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow), $6 how many.
WITH
-- failed workflow runs in scope, read once for both aggregations below
failed_runs AS MATERIALIZED (
    SELECT actor_hash, ci_detected, tool_version, last_error_type, recovered, time_to_recover_ms
    FROM workflow_runs
    WHERE outcome = 'FAILED'
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
),
-- the versions each error type occurs in (distinct pairs first: a list(DISTINCT) per error type
-- costs more than the rest of per_error together); in no order, the caller sorts them
error_versions AS (
    SELECT last_error_type, list(tool_version) AS versions
    FROM (SELECT DISTINCT last_error_type, tool_version FROM failed_runs WHERE tool_version IS NOT NULL)
    GROUP BY last_error_type
),
-- per error type; time_to_recover_ms is null unless recovered, so the quantiles read recovered
-- runs only; the p90 is the nearest rank (quantile_disc: the ceil(0.9 n)-th smallest value)
per_error AS (
    SELECT last_error_type, count(*) AS failed_runs, count(DISTINCT actor_hash) AS actors,
           count(*) FILTER (WHERE recovered) AS recovered,
           floor(median(time_to_recover_ms))::BIGINT AS median_ms_to_recover,
           quantile_disc(time_to_recover_ms, 0.9) AS p90_ms_to_recover,
           count(*) FILTER (WHERE ci_detected) AS ci_runs
    FROM failed_runs
    GROUP BY last_error_type
)
-- most failed runs first, ties by text, runs without an error text last
SELECT e.last_error_type AS error_type, e.failed_runs, e.actors, e.recovered, e.median_ms_to_recover,
       e.p90_ms_to_recover, e.ci_runs, array_to_string(v.versions, chr(31)) AS versions
FROM per_error AS e
LEFT JOIN error_versions AS v ON v.last_error_type IS NOT DISTINCT FROM e.last_error_type
ORDER BY e.failed_runs DESC, e.last_error_type ASC NULLS LAST
LIMIT $6
