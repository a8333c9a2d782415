-- The directly-follows graph of the runs in scope: every pair of consecutive events of a run,
-- start -> first step and last step -> end:OUTCOME, counted; the nodes are summed from it (an
-- event's failure is carried on the edge into it). Ties by from, then to.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name or null for every workflow.
WITH
-- the runs in scope
runs AS (
    SELECT workflow_run_id, outcome, step_count
    FROM workflow_runs
    WHERE ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- their events, kept to numbers for the window (strings are joined on after it): this step's
-- triple and the previous one's, the gap from the previous command's end to this one's start
-- (microseconds), whether it failed, and the run's outcome on its last event
pairs AS (
    SELECT s.triple_key, lag(s.triple_key) OVER w AS previous_key,
           epoch_us(s.ts) - lag(epoch_us(s.ts) + coalesce(s.duration_ms, 0) * 1000) OVER w AS gap_us,
           coalesce(s.exit_code, 0) <> 0 AS failed,
           CASE WHEN s.position = r.step_count THEN r.outcome END AS end_outcome
    FROM workflow_step_rows AS s
    JOIN runs AS r USING (workflow_run_id)
    WINDOW w AS (PARTITION BY s.workflow_run_id ORDER BY s.position)
),
-- the step names (without flags) of both ends
named AS (
    SELECT coalesce(p.step, 'start') AS from_step, t.step AS to_step, x.failed, x.gap_us, x.end_outcome
    FROM pairs AS x
    JOIN workflow_step_triples AS t ON t.triple_key = x.triple_key
    LEFT JOIN workflow_step_triples AS p ON p.triple_key = x.previous_key
)
-- step edges with the median time from one command's end to the next's start (floored to ms)
SELECT from_step AS "from", to_step AS "to", count(*) AS count, count(*) FILTER (WHERE failed) AS failures,
       floor(median(gap_us) / 1000)::BIGINT AS median_ms
FROM named
GROUP BY ALL
UNION ALL
-- end edges: the last step to its run's outcome
SELECT to_step, 'end:' || end_outcome, count(*), 0, NULL
FROM named
WHERE end_outcome IS NOT NULL
GROUP BY ALL
ORDER BY count DESC, "from" ASC, "to" ASC
