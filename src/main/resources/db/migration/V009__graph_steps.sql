-- Schema 9: what the directly-follows graph (report graph, docs/report.md) needs, stored by infer
-- on each step row so the report is one scan and a group-by instead of a window pass over every
-- step of the runs in scope.
ALTER TABLE workflow_step_rows ADD COLUMN gap_us BIGINT;        -- from the previous step's end (ts + duration) to this step's start; null at position 1
ALTER TABLE workflow_step_rows ADD COLUMN end_outcome VARCHAR;  -- the run's outcome, on its last step only

-- Rows inferred by an earlier build get both values here, by the same rules, so their reports stay
-- current without a new infer.
UPDATE workflow_step_rows AS s
SET gap_us = g.gap_us, end_outcome = g.end_outcome
FROM (
    SELECT s.workflow_run_id, s.position,
           epoch_us(s.ts) - lag(epoch_us(s.ts) + coalesce(s.duration_ms, 0) * 1000)
               OVER (PARTITION BY s.workflow_run_id ORDER BY s.position) AS gap_us,
           CASE WHEN s.position = r.step_count THEN r.outcome END AS end_outcome
    FROM workflow_step_rows AS s
    JOIN workflow_runs AS r USING (workflow_run_id)
) AS g
WHERE s.workflow_run_id = g.workflow_run_id AND s.position = g.position;
