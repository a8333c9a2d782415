-- The directly-follows graph of the runs in scope: every pair of consecutive events of a run,
-- start -> first step and last step -> end:OUTCOME, counted; the nodes are summed from it (an
-- event's failure is carried on the edge into it). Ties by from, then to. One scan of the step
-- rows: each row's triple already names its previous step (workflow_step_triples.ngram2), and
-- infer stored the gap from the previous step and, on a run's last step, the run's outcome.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name or null for every workflow.
WITH
-- the runs in scope when a filter or a workflow narrows them; none otherwise (every step row counts,
-- and the join below then has nothing to build)
runs AS (
    SELECT workflow_run_id
    FROM workflow_runs
    WHERE NOT ($1::VARCHAR IS NULL AND $2::TIMESTAMPTZ IS NULL AND $3::TIMESTAMPTZ IS NULL AND NOT $4::BOOLEAN
               AND $5::VARCHAR IS NULL)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- the edge into each step triple: from the previous step (the n-gram's first part) or start
edge_of_triple AS (
    SELECT triple_key, coalesce(left(ngram2, length(ngram2) - length(step) - 4), 'start') AS from_step,
           step AS to_step
    FROM workflow_step_triples
),
-- the step rows in scope with their edge: every row without a filter, else the rows of the runs in
-- scope (two branches, not one OR: DuckDB would probe every row against every run even unfiltered)
named AS (
    SELECT e.from_step, e.to_step, coalesce(s.exit_code, 0) <> 0 AS failed, s.gap_us, s.end_outcome
    FROM workflow_step_rows AS s
    JOIN edge_of_triple AS e USING (triple_key)
    WHERE $1::VARCHAR IS NULL AND $2::TIMESTAMPTZ IS NULL AND $3::TIMESTAMPTZ IS NULL AND NOT $4::BOOLEAN
      AND $5::VARCHAR IS NULL
    UNION ALL
    SELECT e.from_step, e.to_step, coalesce(s.exit_code, 0) <> 0 AS failed, s.gap_us, s.end_outcome
    FROM workflow_step_rows AS s
    JOIN edge_of_triple AS e USING (triple_key)
    SEMI JOIN runs AS r ON r.workflow_run_id = s.workflow_run_id
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
