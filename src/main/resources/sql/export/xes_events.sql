-- The XES event log (IEEE 1849) of the workflow runs the filters keep, one slice of runs at a time,
-- as the lines of one text file that DuckDB's COPY writes (no quoting, a newline after each row):
-- per event its XML, a run's first event opening its trace with the run's attributes and its last
-- closing it, in run and step order. XesExport writes the log's header, the slices in order and its
-- footer. Rendering the text here, in parallel, instead of fetching ten values per event over JDBC,
-- and sorting a slice that fits in memory instead of all runs at once (a sort that spills), is what
-- makes the export fast (bench/RESULTS.md, issue 15).
-- Reads export_workflow_runs (scope.sql): $1 tool, $2 since, $3 until, $4 exclude CI; $5 and $6 the
-- slice: runs with $5 <= workflow_run_id < $6.
-- Values that may need escaping go through xes_text (scope.sql) once per distinct value (steps,
-- error types, workflow and tool names are few); the outcome (one of four names) and the actor hash
-- (hex digits, made by ingest) cannot hold a character to escape.
WITH
-- the runs of the slice
runs AS (
    SELECT workflow_run_id, xes_text(workflow_name) AS workflow_name, outcome, actor_hash,
           xes_text(tool_name) AS tool_name, step_count
    FROM export_workflow_runs($1, $2, $3, $4)
    WHERE workflow_run_id >= $5 AND workflow_run_id < $6
),
-- each step as the log names it, escaped once
steps AS (
    SELECT triple_key, xes_text(step) AS step FROM workflow_step_triples
),
-- each error type of the slice, escaped once
errors AS (
    SELECT error_type, xes_text(error_type) AS error_text
    FROM (SELECT DISTINCT error_type FROM workflow_step_rows
          WHERE error_type IS NOT NULL AND workflow_run_id >= $5 AND workflow_run_id < $6)
),
-- each command of those runs with what its lines show, sorted by run and step here, while the rows
-- are narrow (sorting the rendered text would need several times the memory); the run's own
-- attributes only on its first command, the one that opens its trace (less to sort)
commands AS (
    SELECT r.workflow_run_id, s.position, r.step_count,
           CASE WHEN s.position = 1 THEN r.workflow_name END AS workflow_name,
           CASE WHEN s.position = 1 THEN r.outcome END AS outcome, r.actor_hash,
           CASE WHEN s.position = 1 THEN r.tool_name END AS tool_name,
           t.step, s.ts, s.exit_code, s.duration_ms, e.error_text
    FROM runs AS r
    JOIN workflow_step_rows AS s USING (workflow_run_id)
    JOIN steps AS t USING (triple_key)
    LEFT JOIN errors AS e USING (error_type)
    WHERE s.workflow_run_id >= $5 AND s.workflow_run_id < $6
    ORDER BY r.workflow_run_id, s.position
)
-- each command as an <event>, inside its run's <trace> (rendered after the sort, in its order;
-- one concat per line: a chain of || would copy the growing text at every step)
SELECT concat(
           CASE WHEN position = 1 THEN concat('  <trace>
    <string key="concept:name" value="', workflow_run_id, '"/>
    <string key="workflow_name" value="', workflow_name, '"/>
    <string key="outcome" value="', outcome, '"/>
    <string key="actor_hash" value="', actor_hash, '"/>
    <string key="tool_name" value="', tool_name, '"/>
') END,
           '    <event>
      <string key="concept:name" value="', step, '"/>
      <date key="time:timestamp" value="', strftime(make_timestamp(epoch_us(ts)), '%Y-%m-%dT%H:%M:%S.%fZ'), '"/>
      <string key="lifecycle:transition" value="complete"/>
      <string key="org:resource" value="', actor_hash, '"/>
',
           '      <int key="exit_code" value="' || exit_code::VARCHAR || '"/>
',
           '      <int key="duration_ms" value="' || duration_ms::VARCHAR || '"/>
',
           '      <string key="error_type" value="' || error_text || '"/>
',
           '    </event>',
           CASE WHEN position = step_count THEN '
  </trace>' END) AS line
FROM commands
