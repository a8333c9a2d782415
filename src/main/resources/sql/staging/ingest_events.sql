-- Writes the accepted events of one ingest run (specification §4.1, §4.2) from the staged events
-- (TEMP view ca_event_lines: the native lines of ca_lines, built by stg_lines.sql per file, and the
-- events the PostHog/Segment readers mapped, ca_foreign_events), each key once: keys already stored
-- (TEMP ca_known) and later occurrences of keys repeated in the run (TEMP ca_repeats) are left out,
-- whether duplicates or conflicts (stg_conflicts.sql tells them apart).
-- Parameters: $1 run id, $2 first ingest_seq of the run.
INSERT INTO events
WITH
-- events whose key is not stored yet
fresh AS (
    SELECT s.*, ca_pos(s.file_index, s.line_no, s.index_in_line) AS pos
    FROM ca_event_lines s
    ANTI JOIN ca_known k ON k.event_key = s.event_key
),
-- the first occurrence of each key in ingest order: an anti-join with the later occurrences of
-- repeated keys (few; a LEFT JOIN + OR filter cost 3x the write)
firsts AS (
    SELECT f.*
    FROM fresh f
    ANTI JOIN ca_repeats r ON r.event_key = f.event_key AND r.first_pos <> f.pos
)
-- the event row, ingest_seq increasing with run, file, line and position in the line
SELECT
    f.event_key,
    $1::INTEGER AS run_id,
    $2::BIGINT + f.pos AS ingest_seq,
    f.ts, f.tool_name, f.tool_version, f.command_path, f.flags_present,
    f.exit_code, f.duration_ms, f.error_type, f.actor_hash, f.machine_hash, f.session_hint_hash,
    f.ci_detected, f.sequence, f.source_format, f.error_source, f.http_status
FROM firsts f
