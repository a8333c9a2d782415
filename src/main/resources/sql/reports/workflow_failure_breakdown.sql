-- Where one workflow's FAILED runs failed: per run the error_source and http_status of the event that
-- failed it (its last step), counted both ways in one pass over events (by_status 0: by source, 1:
-- by status), each most frequent first and cut at $6 rows. A run whose failing event carried no
-- source (or none the privacy rules allow) counts as 'unknown', the word a producer would use;
-- runs without a status are left out of the statuses (most failures are not HTTP failures).
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
    SELECT coalesce(e.error_source, 'unknown') AS error_source, e.http_status
    FROM failed AS f
    JOIN workflow_step_rows AS s ON s.workflow_run_id = f.workflow_run_id AND s.position = f.step_count
    JOIN events AS e ON e.ingest_seq = s.ingest_seq
),
-- failed runs per source and per status (the share of all failed runs is computed by the report)
counted AS (
    SELECT grouping(error_source) AS by_status, error_source, http_status, count(*) AS failed_runs
    FROM failing
    GROUP BY GROUPING SETS ((error_source), (http_status))
),
-- each list ranked: most failed runs first, ties by source or status
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY by_status ORDER BY failed_runs DESC, error_source, http_status) AS rank
    FROM counted
    WHERE by_status = 0 OR http_status IS NOT NULL
)
SELECT by_status, error_source, http_status, failed_runs
FROM ranked
WHERE rank <= $6
ORDER BY by_status, rank
