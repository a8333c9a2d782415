-- The rejected lines (the rejects file's file, line and reason; not the line's text, which is raw
-- input), in input order: the staged lines with a reason, and the later occurrences of an event_id
-- with content other than its first occurrence's (conflicting_event_id, as stg_conflicts.sql).
WITH
-- each accepted event beside the content of its key's first occurrence
compared AS (
    SELECT s.file, s.file_index, s.line_no, s.event_key,
           row_number() OVER by_key AS occurrence,
           named_struct('ts', s.ts, 'tool_name', s.tool_name, 'tool_version', s.tool_version,
               'command_path', s.command_path, 'flags_present', s.flags_present, 'exit_code', s.exit_code,
               'duration_ms', s.duration_ms, 'error_type', s.error_type, 'actor_hash', s.actor_hash,
               'machine_hash', s.machine_hash, 'session_hint_hash', s.session_hint_hash,
               'ci_detected', s.ci_detected, 'sequence', s.sequence, 'error_source', s.error_source,
               'http_status', s.http_status) AS content
    FROM staged AS s
    WHERE s.reason IS NULL
    WINDOW by_key AS (PARTITION BY s.event_key ORDER BY s.ingest_seq)
),
-- the first occurrence's content of every key that occurs more than once
reference AS (
    SELECT c.*, first_value(c.content) OVER (PARTITION BY c.event_key ORDER BY c.occurrence) AS first_content
    FROM compared AS c
),
-- the rejects: reasons of the staging, and the conflicts
rejects AS (
    SELECT file, file_index, line_no, reason FROM staged WHERE reason IS NOT NULL
    UNION ALL
    SELECT file, file_index, line_no, 'conflicting_event_id' AS reason
    FROM reference
    WHERE occurrence > 1 AND NOT (content <=> first_content)
)
SELECT file, line_no AS line, reason
FROM rejects
ORDER BY file_index, line_no, reason
