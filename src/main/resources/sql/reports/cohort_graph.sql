-- `--min-cohort` of report graph: distinct actors behind each node and edge, counted over the step
-- rows graph_edges.sql counts (run only when K > 1, so one join with the runs is affordable).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name or null for every workflow.
-- Rows: part ('edge' or 'node'), row_key ('v' and the step; an edge's two joined by chr(31)), actors.
WITH
-- the step rows of the runs in scope, with their run's actor and their edge's ends
named AS (
    SELECT coalesce(left(t.ngram2, length(t.ngram2) - length(t.step) - 4), 'start') AS from_step, t.step AS to_step,
           s.end_outcome, r.actor_hash
    FROM workflow_step_rows AS s
    JOIN workflow_step_triples AS t USING (triple_key)
    JOIN workflow_runs AS r ON r.workflow_run_id = s.workflow_run_id
    WHERE ($5::VARCHAR IS NULL OR r.workflow_name = $5::VARCHAR)
      AND ($1::VARCHAR IS NULL OR r.tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR r.started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR r.started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND r.ci_detected)
),
-- every edge with the actor behind each pair: step edges, then a run's last step to its end
edges AS (
    SELECT from_step, to_step, actor_hash FROM named
    UNION ALL
    SELECT to_step, 'end:' || end_outcome, actor_hash FROM named WHERE end_outcome IS NOT NULL
)
SELECT 'edge' AS part, 'v' || from_step || chr(31) || 'v' || to_step AS row_key, count(DISTINCT actor_hash) AS actors
FROM edges GROUP BY from_step, to_step
UNION ALL
-- a node's events are the pairs into it; start's, the runs out of it
SELECT 'node', 'v' || to_step, count(DISTINCT actor_hash) FROM edges GROUP BY to_step
UNION ALL
SELECT 'node', 'v' || from_step, count(DISTINCT actor_hash) FROM edges WHERE from_step = 'start' GROUP BY from_step
