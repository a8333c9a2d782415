-- The ingest_files table (V001, V006, V007; IngestRecords, stg_file_counts.sql) as a first ingest of
-- the files stores it: run 1, one row per file in path order, its base name (as ingest stores it: no
-- directory), its bytes as read and their SHA-256 (TEMP VIEW file_digests, JobStaging), its non-blank
-- lines (TEMP VIEW staged) and what became of them: events stored (TEMP VIEW events, first
-- occurrences), rejected by the staging, conflicts (TEMP VIEW rejects_written) and duplicates.
-- Native input only: every line is one record, and nothing is merged, a flow event, a link or ignored.
WITH
-- each file's lines as staged
lines AS (
    SELECT file_index, count(*) AS lines, count(event_key) AS staged_events, count(reason) AS rejected
    FROM staged
    GROUP BY file_index
),
-- events stored per file (a file owns a block of 2^40 ingest positions)
stored AS (
    SELECT shiftright(ingest_seq, 40) AS file_index, count(*) AS accepted FROM events GROUP BY 1
),
-- later events of a used event_id with other content
conflicts AS (
    SELECT file, count(*) AS conflicts FROM rejects_written WHERE reason = 'conflicting_event_id' GROUP BY file
)
SELECT CAST(1 AS INT) AS run_id, d.file_index, element_at(split(d.file, '/'), -1) AS file_name, d.content_sha256,
       d.bytes, coalesce(l.lines, 0) AS lines, coalesce(s.accepted, 0) AS accepted, coalesce(l.rejected, 0) AS rejected,
       coalesce(l.staged_events, 0) - coalesce(s.accepted, 0) - coalesce(c.conflicts, 0) AS duplicates,
       coalesce(c.conflicts, 0) AS conflicts, coalesce(l.lines, 0) AS records, 0L AS merged, 0L AS flow_events,
       0L AS links, 0L AS ignored
FROM file_digests AS d
LEFT JOIN lines AS l ON l.file_index = d.file_index
LEFT JOIN stored AS s ON s.file_index = d.file_index
LEFT JOIN conflicts AS c ON c.file = d.file
ORDER BY d.file_index
