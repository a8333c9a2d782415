-- The non-blank input lines (TEMP VIEW staged, kind 'line') with the reason each is rejected for, as
-- ingest's ca_stage holds them once the readers ran (ForeignStage.markRejects): a native line's own;
-- for a PostHog or Segment line the first (smallest) of what its reader said of it or of one of its
-- records, and of the command events it mapped that the native staging rejected. SparkJob keeps it
-- as TEMP VIEW lines.
WITH
-- the reasons the readers and the native staging of their events gave each foreign line
foreign_reasons AS (
    SELECT file_index, line_no, min(reason) AS reason
    FROM staged
    WHERE kind IN ('reject', 'reject_record', 'event') AND reason IS NOT NULL
    GROUP BY file_index, line_no
)
SELECT l.file, l.file_index, l.line_no, coalesce(l.reason, r.reason) AS reason, l.source_format, l.unknown_count
FROM staged AS l
LEFT JOIN foreign_reasons AS r ON r.file_index = l.file_index AND r.line_no = l.line_no
WHERE l.kind = 'line'
