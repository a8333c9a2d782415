-- Every command event the staging accepted, in the columns of the events table and where it came
-- from (as ingest's ca_event_lines): the accepted native lines and the command events the PostHog
-- and Segment readers mapped that the native staging accepted (TEMP VIEW staged, kinds 'line' and
-- 'event'). Duplicates and conflicts are still here. SparkJob keeps it as TEMP VIEW command_events.
SELECT file, file_index, line_no, index_in_line, ingest_seq, event_key, ts, tool_name, tool_version, command_path,
       flags_present, exit_code, duration_ms, error_type, actor_hash, machine_hash, session_hint_hash, ci_detected,
       sequence, source_format, error_source, http_status
FROM staged
WHERE kind IN ('line', 'event') AND event_key IS NOT NULL AND reason IS NULL
