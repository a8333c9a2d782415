-- Where one workflow's FAILED runs failed: the error_source of the event that failed each run (its
-- last step), most frequent first, ties by name; a run whose failing event carried none (or none
-- the privacy rules allow) counts as 'unknown', the same word a producer would use for it.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (scoped by workflow_scope.sql), $6 how many.
WITH
-- the FAILED runs in scope and the position of their failing event
failed AS (
    SELECT workflow_run_id, step_count
    FROM workflow_runs_in_scope($1, $2, $3, $4, $5)
    WHERE outcome = 'FAILED'
),
-- the failing event of each: the run's last step, read from events by its ingest_seq
failing AS (
    SELECT e.error_source
    FROM failed AS f
    JOIN workflow_step_rows AS s ON s.workflow_run_id = f.workflow_run_id AND s.position = f.step_count
    JOIN events AS e ON e.ingest_seq = s.ingest_seq
)
-- failed runs per source (the share of all failed runs is computed by the report)
SELECT coalesce(error_source, 'unknown') AS error_source, count(*) AS failed_runs
FROM failing
GROUP BY 1
ORDER BY failed_runs DESC, error_source ASC
LIMIT $6
