-- The command events that reuse a key with other content (as stg_conflicts.sql, for a first run):
-- every later occurrence of a key whose values differ from its first occurrence's in ingest order
-- (TEMP VIEW command_events). Neither it nor an equal repeat (a duplicate) is stored. SparkJob keeps
-- it as TEMP VIEW command_conflicts.
WITH
-- each event with its occurrence number and its content
compared AS (
    SELECT c.file, c.file_index, c.line_no, c.index_in_line, c.event_key,
           row_number() OVER by_key AS occurrence,
           named_struct('ts', c.ts, 'tool_name', c.tool_name, 'tool_version', c.tool_version,
               'command_path', c.command_path, 'flags_present', c.flags_present, 'exit_code', c.exit_code,
               'duration_ms', c.duration_ms, 'error_type', c.error_type, 'actor_hash', c.actor_hash,
               'machine_hash', c.machine_hash, 'session_hint_hash', c.session_hint_hash,
               'ci_detected', c.ci_detected, 'sequence', c.sequence, 'error_source', c.error_source,
               'http_status', c.http_status) AS content
    FROM command_events AS c
    WINDOW by_key AS (PARTITION BY c.event_key ORDER BY c.ingest_seq)
),
-- beside the content of its key's first occurrence
reference AS (
    SELECT c.*, first_value(c.content) OVER (PARTITION BY c.event_key ORDER BY c.occurrence) AS first_content
    FROM compared AS c
)
SELECT file, file_index, line_no, index_in_line
FROM reference
WHERE occurrence > 1 AND NOT (content <=> first_content)
