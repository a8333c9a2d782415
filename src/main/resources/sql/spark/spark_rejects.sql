-- The rejected lines (the rejects file's file, line and reason; not the line's text, which is raw
-- input), in input order, as ingest writes them: every line with a reason (TEMP VIEW lines), and
-- once each line holding a command or flow event that reuses an event id with other content
-- (conflicting_event_id; TEMP VIEWs command_conflicts and flows).
WITH
rejects AS (
    SELECT file, file_index, line_no, reason FROM lines WHERE reason IS NOT NULL
    UNION ALL
    SELECT DISTINCT file, file_index, line_no, 'conflicting_event_id' AS reason
    FROM (SELECT file, file_index, line_no FROM command_conflicts
          UNION ALL
          SELECT file, file_index, line_no FROM flows WHERE outcome = 'conflict') AS c
)
SELECT file, line_no AS line, reason
FROM rejects
ORDER BY file_index, line_no, reason
