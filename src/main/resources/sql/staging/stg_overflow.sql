-- Batch lines holding more events than one line's share of the ingest position (4,096; a PostHog or
-- Segment body under 1 MiB can hold more), with the events over that share summed up to and
-- including each such line: every later line of the file moves up by that many positions, so
-- positions stay exact and unique for any line (specification §4.2). Usually empty.
WITH
-- the lines whose events (commands and flows share the positions) pass the share
overflowing AS (
    SELECT file_index, line_no, max(index_in_line) + 1 - 4096 AS extra
    FROM ca_foreign
    WHERE kind IN ('event', 'flow')
    GROUP BY file_index, line_no
    HAVING max(index_in_line) >= 4096
)
-- the extra positions taken by this line and the file's earlier overflowing lines
SELECT file_index, line_no,
       sum(extra) OVER (PARTITION BY file_index ORDER BY line_no)::BIGINT AS extra_through
FROM overflowing
