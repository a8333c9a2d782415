-- Whether the derived tables describe the stored events, and the settings they were computed with.
-- One row, even on a database where infer never ran.
WITH
-- the newest infer run, if any
latest_infer AS (
    SELECT * FROM infer_runs ORDER BY infer_id DESC LIMIT 1
),
-- the newest ingest run and the lines every ingest rejected
ingests AS (
    SELECT max(run_id) AS last_ingest_run_id, coalesce(sum(rejected), 0) AS rejected_lines FROM ingest_runs
)
SELECT
    i.infer_id, i.finished_at, i.session_timeout_ms, i.as_of, i.as_of_given, i.workflows_file,
    i.last_ingest_run_id AS infer_last_ingest_run_id,
    g.last_ingest_run_id, g.rejected_lines
FROM ingests AS g
LEFT JOIN latest_infer AS i ON true
