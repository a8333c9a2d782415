-- Writes the accepted events of one ingest run (SPEC §4.1, §4.2) from the staged events (TEMP view
-- ca_event_lines: the native lines of ca_lines, built by stg_lines.sql per file, and the events the
-- PostHog/Segment readers mapped, ca_foreign_events), duplicates left out.
-- Parameters: $1 run id, $2 first ingest_seq of the run.
INSERT INTO events
WITH
-- events whose key is not stored yet
fresh AS (
    SELECT s.*
    FROM ca_event_lines s
    ANTI JOIN events e ON e.event_key = s.event_key
),
-- keys seen more than once in this run, with the position of their first occurrence
repeats AS (
    SELECT event_key, min((file_index::BIGINT << 40) + line_no * 4096 + index_in_line) AS first_pos
    FROM ca_event_lines
    GROUP BY event_key
    HAVING count(*) > 1
),
-- the first occurrence of each key in ingest order (files as given, then lines): an anti-join
-- with the later occurrences of repeated keys (few; a LEFT JOIN + OR filter cost 3x the write)
firsts AS (
    SELECT f.*
    FROM fresh f
    ANTI JOIN repeats r
        ON r.event_key = f.event_key
       AND r.first_pos <> (f.file_index::BIGINT << 40) + f.line_no * 4096 + f.index_in_line
)
-- the event row, ingest_seq increasing with run, file, line and position in the line
SELECT
    f.event_key,
    $1::INTEGER AS run_id,
    $2::BIGINT + (f.file_index::BIGINT << 40) + f.line_no * 4096 + f.index_in_line AS ingest_seq,
    f.ts, f.tool_name, f.tool_version, f.command_path, f.flags_present,
    f.exit_code, f.duration_ms, f.error_type, f.actor_hash, f.machine_hash, f.session_hint_hash,
    f.ci_detected, f.sequence, f.source_format
FROM firsts f
