-- `--min-cohort`: distinct actors per row of each table of `report workflow NAME`, keyed as
-- Cohorts.key writes a row's label: 'v' || value, or 'n' for null (chr(31) between two labels).
-- Needs workflow_scope.sql's macro; $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name.
WITH
-- the workflow's runs in scope
runs AS (
    SELECT * FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
),
-- the event that ended each failed run, as workflow_failure_breakdown.sql finds it
failing AS (
    SELECT r.actor_hash, coalesce(e.error_source, 'unknown') AS error_source, e.http_status
    FROM runs AS r
    JOIN workflow_step_rows AS s ON s.workflow_run_id = r.workflow_run_id AND s.position = r.step_count
    JOIN events AS e ON e.ingest_seq = s.ingest_seq
    WHERE r.outcome = 'FAILED'
)
SELECT 'overview' AS part, 'n' AS row_key, count(DISTINCT actor_hash) AS actors FROM runs
UNION ALL
SELECT 'outcomes', outcome, count(DISTINCT actor_hash) FROM runs GROUP BY outcome
UNION ALL
SELECT 'overview', 'recovered_runs', count(DISTINCT actor_hash) FROM runs WHERE recovered
UNION ALL
SELECT 'overview', 'successes', count(DISTINCT actor_hash) FROM runs WHERE outcome = 'SUCCESS'
UNION ALL
SELECT 'common_paths', coalesce('v' || fingerprint, 'n'), count(DISTINCT actor_hash) FROM runs GROUP BY fingerprint
UNION ALL
SELECT 'stops', 'v' || step_count, count(DISTINCT actor_hash) FROM runs GROUP BY step_count
UNION ALL
SELECT 'top_error_types', coalesce('v' || last_error_type, 'n'), count(DISTINCT actor_hash)
FROM runs WHERE outcome = 'FAILED' GROUP BY last_error_type
UNION ALL
SELECT 'tool_versions', 'v' || tool_name || chr(31) || coalesce('v' || tool_version, 'n'), count(DISTINCT actor_hash)
FROM runs GROUP BY tool_name, tool_version
UNION ALL
SELECT 'failure_sources', 'v' || error_source, count(DISTINCT actor_hash) FROM failing GROUP BY error_source
UNION ALL
SELECT 'failure_http_statuses', coalesce('v' || http_status, 'n'), count(DISTINCT actor_hash)
FROM failing GROUP BY http_status
