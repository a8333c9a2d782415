-- The XES event log (IEEE 1849) of the workflow runs the filters keep, as the lines of one text file
-- that DuckDB's COPY writes (no quoting, a newline after each row): per event its XML (a run's
-- first event opens its trace with the run's attributes, its last closes it; the log's first and
-- last events carry its header and footer), in run and step order. Rendering the text here, in
-- parallel, instead of fetching ten values per event over JDBC is what makes the export fast
-- (bench/RESULTS.md, issue 15).
-- Reads export_workflow_runs (scope.sql): $1 tool, $2 since, $3 until, $4 exclude CI; $5 the header,
-- $6 the footer (XesExport), written on the first and the last line.
-- Attribute values go through xes_text (scope.sql), except the outcome (one of four names) and the
-- actor hash (hex digits, made by ingest), which cannot hold a character to escape.
WITH
-- the runs in scope
runs AS (
    SELECT workflow_run_id, workflow_name, outcome, actor_hash, tool_name, step_count
    FROM export_workflow_runs($1, $2, $3, $4)
),
-- each command of those runs with what its lines show, sorted by run and step here, while the rows
-- are narrow (sorting the rendered text would need several times the memory); the run's own
-- attributes only on its first command, the one that opens its trace (less to sort, less to spill)
steps AS (
    SELECT r.workflow_run_id, s.position, r.step_count,
           CASE WHEN s.position = 1 THEN r.workflow_name END AS workflow_name,
           CASE WHEN s.position = 1 THEN r.outcome END AS outcome, r.actor_hash,
           CASE WHEN s.position = 1 THEN r.tool_name END AS tool_name,
           t.step, s.ts, s.exit_code, s.duration_ms, s.error_type
    FROM runs AS r
    JOIN workflow_step_rows AS s USING (workflow_run_id)
    JOIN workflow_step_triples AS t USING (triple_key)
    ORDER BY r.workflow_run_id, s.position
),
-- where the log starts and ends
bounds AS (
    SELECT min(workflow_run_id) AS first_run, max(workflow_run_id) AS last_run FROM runs
),
-- each command as an <event>, inside its run's <trace> (rendered after the sort, in its order)
events AS (
    SELECT CASE WHEN workflow_run_id = (SELECT first_run FROM bounds) AND position = 1 THEN $5::VARCHAR || chr(10) ELSE '' END
           || CASE WHEN position = 1 THEN
               '  <trace>' || chr(10)
               || '    <string key="concept:name" value="' || workflow_run_id || '"/>' || chr(10)
               || '    <string key="workflow_name" value="' || xes_text(workflow_name) || '"/>' || chr(10)
               || '    <string key="outcome" value="' || outcome || '"/>' || chr(10)
               || '    <string key="actor_hash" value="' || actor_hash || '"/>' || chr(10)
               || '    <string key="tool_name" value="' || xes_text(tool_name) || '"/>' || chr(10)
           ELSE '' END
           || '    <event>' || chr(10)
           || '      <string key="concept:name" value="' || xes_text(step) || '"/>' || chr(10)
           || '      <date key="time:timestamp" value="'
           || strftime(make_timestamp(epoch_us(ts)), '%Y-%m-%dT%H:%M:%S.%fZ') || '"/>' || chr(10)
           || '      <string key="lifecycle:transition" value="complete"/>' || chr(10)
           || '      <string key="org:resource" value="' || actor_hash || '"/>' || chr(10)
           || coalesce('      <int key="exit_code" value="' || exit_code || '"/>' || chr(10), '')
           || coalesce('      <int key="duration_ms" value="' || duration_ms || '"/>' || chr(10), '')
           || coalesce('      <string key="error_type" value="' || xes_text(error_type) || '"/>' || chr(10), '')
           || '    </event>'
           || CASE WHEN position = step_count THEN chr(10) || '  </trace>' ELSE '' END
           || CASE WHEN workflow_run_id = (SELECT last_run FROM bounds) AND position = step_count
                   THEN chr(10) || $6::VARCHAR ELSE '' END AS line
    FROM steps
)
SELECT line FROM events
