-- Keys seen more than once in this run (TEMP ca_repeats), with the position of their first
-- occurrence in ingest order (files as given, then lines, then events in a line): only that one
-- can be stored; the others are duplicates or conflicts.
SELECT s.event_key, min(ca_pos(s.file_index, s.line_no, s.index_in_line)) AS first_pos
FROM ca_event_lines AS s
GROUP BY s.event_key
HAVING count(*) > 1
