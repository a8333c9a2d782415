-- The events of this run whose key is already stored (TEMP ca_known): duplicates, or conflicts when
-- their content differs from the stored event's. One join with events per run: ingest_events.sql
-- leaves these out with an anti-join against this small table instead of against events.
SELECT s.file_index, s.line_no, s.index_in_line, s.event_key,
       ca_content_hash(s.ts, s.tool_name, s.tool_version, s.command_path, s.flags_present, s.exit_code,
           s.duration_ms, s.error_type, s.actor_hash, s.machine_hash, s.session_hint_hash, s.ci_detected,
           s.sequence, s.error_source, s.http_status) AS content_hash
FROM ca_event_lines AS s
SEMI JOIN events AS e ON e.event_key = s.event_key
