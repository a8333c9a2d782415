-- The flow events of this run (TEMP ca_flows, specification §4.2, §4.4), each with its key, the
-- values it would be stored with and what becomes of it: the first occurrence of a key not stored
-- yet is 'stored'; any other occurrence is a 'duplicate' when its values equal those of the key's
-- stored event (else of its first occurrence in this run), a 'conflict' when they differ (an id
-- reused with other content, reported like a command event's: conflicting_event_id).
WITH
-- the flow events as the readers gave them (TEMP ca_foreign, kind 'flow'): already sanitized,
-- hashed and keyed in Java (FlowEvents), by the producer's id, else by their content
flows AS (
    SELECT f.file_index, f.line_no, f.index_in_line, f.source_format,
        ca_pos(f.file_index, f.line_no, f.index_in_line) AS pos,
        f.event_key,
        make_timestamp(f.ts_us)::TIMESTAMPTZ AS ts,
        f.event_name, f.tool_name, f.tool_version,
        f.actor_hash, f.machine_hash, f.session_hint_hash, f.properties
    FROM ca_foreign AS f
    WHERE f.kind = 'flow'
),
-- what each says, as one value (the stored values, so texts that sanitize alike count as equal)
hashed AS (
    SELECT *, hash(ts, event_name, tool_name, tool_version, actor_hash, machine_hash, session_hint_hash,
                   properties::VARCHAR) AS content_hash
    FROM flows
),
-- the stored flow events of the keys this run uses again
stored AS (
    SELECT e.event_key, hash(e.ts, e.event_name, e.tool_name, e.tool_version, e.actor_hash, e.machine_hash,
                             e.session_hint_hash, e.properties::VARCHAR) AS content_hash
    FROM flow_events AS e
    SEMI JOIN hashed AS h ON h.event_key = e.event_key
),
-- each key's first occurrence in ingest order
firsts AS (
    SELECT event_key, min(pos) AS first_pos, arg_min(content_hash, pos) AS content_hash
    FROM hashed
    GROUP BY event_key
)
-- the outcome of each occurrence
SELECT h.*,
    CASE WHEN s.event_key IS NULL AND h.pos = f.first_pos THEN 'stored'
         WHEN h.content_hash = coalesce(s.content_hash, f.content_hash) THEN 'duplicate'
         ELSE 'conflict' END AS outcome
FROM hashed AS h
JOIN firsts AS f ON f.event_key = h.event_key
LEFT JOIN stored AS s ON s.event_key = h.event_key
