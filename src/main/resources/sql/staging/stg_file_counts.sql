-- What each input file of the run held and what becomes of it, before anything is written
-- (docs/formats.md, "Every line accounted for"): its records (one per event of a line; a line
-- rejected as a whole, and the rejected records of a line, count once) and, of those, the command
-- events the readers or the native staging accepted, the flow events and identity calls by outcome,
-- the conflicts and the rejected lines. Events stored, lifecycle calls merged and ignored events
-- are counted by the caller (the write and the readers know them).
WITH
-- every line once: non-blank lines, native events accepted by the staging, rejected lines
files AS (
    SELECT file_index,
        count(*) FILTER (WHERE NOT blank) AS lines,
        count(*) FILTER (WHERE NOT blank AND source_format <> 'native') AS foreign_lines,
        count(event_key) AS native_events,
        count(reason) AS rejected
    FROM ca_stage
    GROUP BY file_index
),
-- lines read whole that held other than one record (batch bodies, empty batches)
batches AS (
    SELECT file_index, sum(records - 1) AS extra
    FROM ca_foreign
    WHERE kind = 'line'
    GROUP BY file_index
),
-- records rejected within lines that were read: a line's rejected records count once, as the line
rejected_records AS (
    SELECT file_index, line_no, count(*) AS n
    FROM (SELECT file_index, line_no FROM ca_foreign WHERE kind = 'reject_record'
          UNION ALL
          SELECT file_index, line_no FROM ca_foreign_events WHERE reason IS NOT NULL)
    GROUP BY file_index, line_no
),
folded AS (
    SELECT file_index, sum(n - 1) AS folded FROM rejected_records GROUP BY file_index
),
-- command events the readers mapped and the native staging accepted
mapped AS (
    SELECT file_index, count(*) AS events FROM ca_foreign_events WHERE reason IS NULL GROUP BY file_index
),
-- flow events by outcome (stg_flows.sql)
flows AS (
    SELECT file_index,
        count(*) FILTER (WHERE outcome = 'stored') AS stored,
        count(*) FILTER (WHERE outcome = 'duplicate') AS duplicates,
        count(*) FILTER (WHERE outcome = 'conflict') AS conflicts
    FROM ca_flows
    GROUP BY file_index
),
-- alias and identify calls by outcome (stg_links.sql)
links AS (
    SELECT file_index, count(*) FILTER (WHERE fresh) AS fresh, count(*) FILTER (WHERE NOT fresh) AS duplicates
    FROM ca_links
    GROUP BY file_index
),
-- command and flow events whose id another event used with other content
conflicts AS (
    SELECT file_index, count(*) AS n FROM ca_conflicts GROUP BY file_index
)
SELECT
    f.file_index,
    f.lines,
    f.foreign_lines,
    f.lines + coalesce(b.extra, 0) - coalesce(r.folded, 0) AS records,
    f.native_events + coalesce(m.events, 0) AS command_events,
    coalesce(c.n, 0) - coalesce(fl.conflicts, 0) AS command_conflicts,
    coalesce(fl.stored, 0) AS flow_events,
    coalesce(fl.duplicates, 0) AS flow_duplicates,
    coalesce(fl.conflicts, 0) AS flow_conflicts,
    coalesce(l.fresh, 0) AS links,
    coalesce(l.duplicates, 0) AS link_duplicates,
    f.rejected
FROM files AS f
LEFT JOIN batches AS b ON b.file_index = f.file_index
LEFT JOIN folded AS r ON r.file_index = f.file_index
LEFT JOIN mapped AS m ON m.file_index = f.file_index
LEFT JOIN flows AS fl ON fl.file_index = f.file_index
LEFT JOIN links AS l ON l.file_index = f.file_index
LEFT JOIN conflicts AS c ON c.file_index = f.file_index
ORDER BY f.file_index
