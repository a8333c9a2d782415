-- Events of this run that reuse a key with other content (TEMP ca_conflicts, specification §4.2):
-- the event first stored under a key, or else the run's first occurrence of it, is the reference;
-- a later occurrence with equal content is a duplicate, with other content a conflict
-- (conflicting_event_id). Neither is stored. Reads only the few rows of ca_known and ca_repeats.
WITH
-- every occurrence of a key repeated within the run, with its position and content
repeated AS (
    SELECT s.event_key, ca_pos(s.file_index, s.line_no, s.index_in_line) AS pos, s.file_index, s.line_no,
           s.index_in_line,
           ca_content_hash(s.ts, s.tool_name, s.tool_version, s.command_path, s.flags_present, s.exit_code,
               s.duration_ms, s.error_type, s.actor_hash, s.machine_hash, s.session_hint_hash, s.ci_detected,
               s.sequence) AS content_hash
    FROM ca_event_lines AS s
    SEMI JOIN ca_repeats AS r ON r.event_key = s.event_key
),
-- the content already stored under a key this run uses again
stored AS (
    SELECT e.event_key,
           ca_content_hash(e.ts, e.tool_name, e.tool_version, e.command_path, e.flags_present, e.exit_code,
               e.duration_ms, e.error_type, e.actor_hash, e.machine_hash, e.session_hint_hash, e.ci_detected,
               e.sequence) AS content_hash
    FROM events AS e
    SEMI JOIN ca_known AS k ON k.event_key = e.event_key
),
-- the reference content of each key: stored, else its first occurrence in this run
reference AS (
    SELECT event_key, content_hash FROM stored
    UNION ALL
    SELECT r.event_key, r.content_hash
    FROM repeated AS r
    JOIN ca_repeats AS f ON f.event_key = r.event_key AND f.first_pos = r.pos
    ANTI JOIN stored AS s ON s.event_key = r.event_key
),
-- every occurrence that is not itself the reference: all of a stored key's, a repeated key's later ones
candidates AS (
    SELECT file_index, line_no, index_in_line, event_key, content_hash FROM ca_known
    UNION
    SELECT file_index, line_no, index_in_line, event_key, content_hash FROM repeated
)
-- the occurrences whose content differs from the reference
SELECT c.file_index, c.line_no, c.index_in_line
FROM candidates AS c
JOIN reference AS r ON r.event_key = c.event_key
WHERE c.content_hash <> r.content_hash
