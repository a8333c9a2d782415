-- What each input file held and what became of it, as a first ingest counts it (stg_file_counts.sql,
-- IngestRecords; docs/formats.md, "Every line accounted for"): its non-blank lines, its records (one
-- per event of a line; a line rejected as a whole, and the rejected records of a line, count once)
-- and of those the command events stored, merged, flow events stored, fresh links, ignored events,
-- duplicates, conflicts and rejected lines; and what the privacy rules counted on its lines. From
-- TEMP VIEWs file_digests (every file), staged, lines, command_events, command_conflicts, flows,
-- link_calls and events (as written). SparkJob keeps it as TEMP VIEW file_counts.
WITH
files AS (
    SELECT file_index, count(*) AS lines, count(reason) AS rejected, coalesce(sum(unknown_count), 0) AS unknown_fields
    FROM lines
    GROUP BY file_index
),
-- lines read whole that held other than one record (batch bodies, empty batches)
batches AS (
    SELECT file_index, sum(records - 1) AS extra FROM staged WHERE kind = 'records' GROUP BY file_index
),
-- records rejected within lines that were read: a line's rejected records count once, as the line
folded AS (
    SELECT file_index, sum(n - 1) AS folded
    FROM (SELECT file_index, line_no, count(*) AS n
          FROM staged
          WHERE kind = 'reject_record' OR (kind = 'event' AND reason IS NOT NULL)
          GROUP BY file_index, line_no) AS r
    GROUP BY file_index
),
-- a file's lifecycle calls merged and events ignored, as its readers counted them
readers AS (
    SELECT file_index, sum(merged) AS merged, sum(ignored) AS ignored FROM staged WHERE kind = 'file' GROUP BY file_index
),
-- flag names and values the privacy rules dropped, on native lines and mapped events
flags AS (
    SELECT file_index, sum(flags_dropped) AS flags_dropped, sum(flags_malformed) AS flags_malformed,
           sum(flag_values) AS flag_values
    FROM staged
    WHERE kind IN ('line', 'event')
    GROUP BY file_index
),
commands AS (
    SELECT file_index, count(*) AS events FROM command_events GROUP BY file_index
),
command_conflicts_per_file AS (
    SELECT file_index, count(*) AS conflicts FROM command_conflicts GROUP BY file_index
),
flow_outcomes AS (
    SELECT file_index,
           count_if(outcome = 'stored') AS stored, count_if(outcome = 'duplicate') AS duplicates,
           count_if(outcome = 'conflict') AS conflicts
    FROM flows
    GROUP BY file_index
),
link_outcomes AS (
    SELECT file_index, count_if(fresh) AS fresh, count_if(NOT fresh) AS duplicates FROM link_calls GROUP BY file_index
),
-- command events stored per file (a file owns a block of 2^40 ingest positions)
stored AS (
    SELECT CAST(shiftright(ingest_seq, 40) AS INT) AS file_index, count(*) AS accepted FROM events GROUP BY 1
)
SELECT d.file_index, d.file, d.bytes, d.content_sha256,
       coalesce(f.lines, 0) AS lines,
       coalesce(f.lines, 0) + coalesce(b.extra, 0) - coalesce(r.folded, 0) AS records,
       coalesce(s.accepted, 0) AS accepted,
       coalesce(rd.merged, 0) AS merged,
       coalesce(fo.stored, 0) AS flow_events,
       coalesce(lo.fresh, 0) AS links,
       coalesce(rd.ignored, 0) AS ignored,
       coalesce(c.events, 0) - coalesce(s.accepted, 0) - coalesce(cc.conflicts, 0) + coalesce(fo.duplicates, 0)
           + coalesce(lo.duplicates, 0) AS duplicates,
       coalesce(cc.conflicts, 0) + coalesce(fo.conflicts, 0) AS conflicts,
       coalesce(f.rejected, 0) AS rejected,
       coalesce(f.unknown_fields, 0) AS unknown_fields,
       coalesce(fl.flags_dropped, 0) AS flags_dropped,
       coalesce(fl.flags_malformed, 0) AS flags_malformed,
       coalesce(fl.flag_values, 0) AS flag_values
FROM file_digests AS d
LEFT JOIN files AS f ON f.file_index = d.file_index
LEFT JOIN batches AS b ON b.file_index = d.file_index
LEFT JOIN folded AS r ON r.file_index = d.file_index
LEFT JOIN readers AS rd ON rd.file_index = d.file_index
LEFT JOIN flags AS fl ON fl.file_index = d.file_index
LEFT JOIN commands AS c ON c.file_index = d.file_index
LEFT JOIN command_conflicts_per_file AS cc ON cc.file_index = d.file_index
LEFT JOIN flow_outcomes AS fo ON fo.file_index = d.file_index
LEFT JOIN link_outcomes AS lo ON lo.file_index = d.file_index
LEFT JOIN stored AS s ON s.file_index = d.file_index
