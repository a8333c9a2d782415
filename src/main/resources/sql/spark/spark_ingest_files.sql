-- The ingest_files table (V001, V006, V007) as a first ingest of the files stores it: run 1, one row
-- per file in path order, its base name (as ingest stores it: no directory), its bytes as read and
-- their SHA-256, its lines and records and what became of them (TEMP VIEW file_counts).
SELECT CAST(1 AS INT) AS run_id, file_index, element_at(split(file, '/'), -1) AS file_name, content_sha256, bytes,
       lines, accepted, rejected, duplicates, conflicts, records, merged, flow_events, links, ignored
FROM file_counts
ORDER BY file_index
