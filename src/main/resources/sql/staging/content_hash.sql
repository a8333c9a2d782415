-- A staging macro of ingest (TEMP: it lives in the connection only, never in the database file).

-- What an event says, as one 64-bit value: two events with one event_id and different values here
-- conflict (reported as conflicting_event_id), with equal values they are duplicates. The stored,
-- sanitized values are compared, so raw texts that sanitize alike count as equal.
CREATE OR REPLACE TEMP MACRO ca_content_hash(ts, tool_name, tool_version, command_path, flags_present, exit_code,
        duration_ms, error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, sequence, error_source,
        http_status) AS
    hash(ts, tool_name, tool_version, command_path, flags_present, exit_code, duration_ms, error_type, actor_hash,
         machine_hash, session_hint_hash, ci_detected, sequence, error_source, http_status);
