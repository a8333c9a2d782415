-- The HTTP statuses of one workflow's FAILED runs: the http_status of the event that failed each run
-- (its last step), most frequent first, ties by status; runs whose failing event carried none are
-- left out (most failures are not HTTP failures), so the shares add up to the HTTP failures' share.
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
    SELECT e.http_status
    FROM failed AS f
    JOIN workflow_step_rows AS s ON s.workflow_run_id = f.workflow_run_id AND s.position = f.step_count
    JOIN events AS e ON e.ingest_seq = s.ingest_seq
)
-- failed runs per status (the share of all failed runs is computed by the report)
SELECT http_status, count(*) AS failed_runs
FROM failing
WHERE http_status IS NOT NULL
GROUP BY http_status
ORDER BY failed_runs DESC, http_status ASC
LIMIT $6
