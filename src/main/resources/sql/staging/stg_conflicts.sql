-- Events of this run that reuse a key with other content (TEMP ca_conflicts, specification §4.2):
-- the event first stored under a key, or else the run's first occurrence of it, is the reference;
-- a later occurrence with equal content is a duplicate, with other content a conflict
-- (conflicting_event_id). Neither is stored. Reads only the few rows of ca_known and ca_repeats.
WITH
-- the rows whose content matters: the stored events of keys this run uses again, and every
-- occurrence in this run of a key repeated within it (with its position)
compared AS (
    SELECT 'stored' AS side, NULL::BIGINT AS pos, e.* EXCLUDE (run_id, ingest_seq, source_format)
    FROM events AS e
    SEMI JOIN ca_known AS k ON k.event_key = e.event_key
    UNION ALL BY NAME
    SELECT 'run' AS side, ca_pos(s.file_index, s.line_no, s.index_in_line) AS pos, s.* EXCLUDE (source_format)
    FROM ca_event_lines AS s
    SEMI JOIN ca_repeats AS r ON r.event_key = s.event_key
),
-- their content as one value
hashed AS (
    SELECT side, pos, file_index, line_no, index_in_line, event_key,
           ca_content_hash(ts, tool_name, tool_version, command_path, flags_present, exit_code, duration_ms,
               error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, sequence, error_source,
               http_status) AS content_hash
    FROM compared
),
-- the reference content of each key: stored, else its first occurrence in this run
reference AS (
    SELECT event_key, content_hash FROM hashed WHERE side = 'stored'
    UNION ALL
    SELECT h.event_key, h.content_hash
    FROM hashed AS h
    JOIN ca_repeats AS f ON f.event_key = h.event_key AND f.first_pos = h.pos
    ANTI JOIN ca_known AS k ON k.event_key = h.event_key
),
-- every occurrence in this run that is not itself the reference: all of a stored key's, a repeated
-- key's later ones (its first compares equal to itself)
candidates AS (
    SELECT file_index, line_no, index_in_line, event_key, content_hash FROM ca_known
    UNION
    SELECT file_index, line_no, index_in_line, event_key, content_hash FROM hashed WHERE side = 'run'
)
-- the occurrences whose content differs from the reference
SELECT c.file_index, c.line_no, c.index_in_line
FROM candidates AS c
JOIN reference AS r ON r.event_key = c.event_key
WHERE c.content_hash <> r.content_hash
