-- The directly-follows graph of the runs in scope: every pair of consecutive events of a run,
-- start -> first step and last step -> end:OUTCOME, counted; the nodes are summed from it (an
-- event's failure is carried on the edge into it). Ties by from, then to.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name or null for every workflow.
WITH
-- the runs in scope
runs AS (
    SELECT workflow_run_id, outcome
    FROM workflow_runs
    WHERE ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- their events: the step (no flags), when it started and ended (microseconds), whether it failed
steps AS (
    SELECT s.workflow_run_id, s.position, r.outcome, t.step, epoch_us(s.ts) AS start_us,
           epoch_us(s.ts) + coalesce(s.duration_ms, 0) * 1000 AS end_us, coalesce(s.exit_code, 0) <> 0 AS failed
    FROM workflow_step_rows AS s
    JOIN runs AS r USING (workflow_run_id)
    JOIN workflow_step_triples AS t USING (triple_key)
),
-- each event with the one before it (start at the first) and whether it is the run's last
pairs AS (
    SELECT coalesce(lag(step) OVER w, 'start') AS from_step, step AS to_step, failed, outcome,
           start_us - lag(end_us) OVER w AS gap_us, lead(position) OVER w IS NULL AS last
    FROM steps
    WINDOW w AS (PARTITION BY workflow_run_id ORDER BY position)
)
-- step edges with the median time from one command's end to the next's start (floored to ms)
SELECT from_step AS "from", to_step AS "to", count(*) AS count, count(*) FILTER (WHERE failed) AS failures,
       floor(median(gap_us) / 1000)::BIGINT AS median_ms
FROM pairs
GROUP BY ALL
UNION ALL
-- end edges: the last step to its run's outcome
SELECT to_step, 'end:' || outcome, count(*), 0, NULL
FROM pairs
WHERE last
GROUP BY ALL
ORDER BY count DESC, "from" ASC, "to" ASC
