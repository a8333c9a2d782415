-- The command events the PostHog and Segment readers mapped (SPEC §4.4). They went through the
-- native staging itself (TEMP ca_foreign_native: NativeLines over their native lines), so they
-- are validated, keyed, hashed and sanitized exactly as native events; here each gets back the
-- line and position of the foreign input it came from. A reason here rejects that input line.
WITH
-- where each event came from, in the order the readers emitted them (TEMP ca_foreign)
positions AS (
    SELECT file_index, line_no, index_in_line, source_format, row_number() OVER (ORDER BY rowid) AS k
    FROM ca_foreign
    WHERE kind = 'event'
),
-- the staged native lines: line k is the k-th event written
staged AS (
    SELECT *, line_no AS k FROM ca_foreign_native
)
-- the columns of ca_lines that ingest_events.sql reads, the reason of a rejected event and the flag
-- names not kept and the flag values dropped
SELECT
    p.file_index, p.line_no, p.index_in_line, p.source_format, s.event_key, s.ts, s.tool_name,
    s.tool_version, s.command_path, s.flags_present, s.exit_code, s.duration_ms, s.error_type,
    s.actor_hash, s.machine_hash, s.session_hint_hash, s.ci_detected, s.sequence, s.reason, s.flags_dropped,
    s.flags_malformed, s.flag_values, s.error_source, s.http_status
FROM positions p
JOIN staged s USING (k)
