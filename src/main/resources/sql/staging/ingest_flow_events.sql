-- Writes the flow events of one ingest run (SPEC §4.4, §6.4): non-command events the Segment
-- reader kept for funnels (TEMP ca_foreign, kind 'flow'; ids already hashed), names and tools
-- sanitized like native fields; their properties are already reduced to enum-like values.
-- Parameters: $1 run id, $2 first ingest_seq of the run.
INSERT INTO flow_events
WITH
-- the flow events as the reader gave them, with an instant and a key (producer's id, else content)
flows AS (
    SELECT *,
        CAST("timestamp" AS TIMESTAMPTZ) AS ts,
        ca_event_key(event_id, to_json(['flow', "timestamp", event_name, tool_name, tool_version, actor_hash,
            machine_hash, session_hint_hash, properties::VARCHAR])::VARCHAR) AS event_key
    FROM ca_foreign
    WHERE kind = 'flow'
),
-- the first occurrence of each key not stored yet, in ingest order
firsts AS (
    SELECT * FROM flows f
    WHERE NOT EXISTS (SELECT 1 FROM flow_events e WHERE e.event_key = f.event_key)
    QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY file_index, line_no, index_in_line) = 1
)
-- the stored row: an event name that is not a plain catalog name (or hides a secret) is redacted
SELECT
    event_key,
    $1::INTEGER AS run_id,
    $2::BIGINT + ca_pos(f.file_index, f.line_no, f.index_in_line) AS ingest_seq,
    ts,
    CASE WHEN regexp_full_match(event_name, '[A-Za-z$][A-Za-z0-9 _.:$-]{0,127}') AND ca_error_type(event_name) = event_name
         THEN event_name ELSE '[redacted]' END AS event_name,
    ca_tool_name(tool_name) AS tool_name,
    ca_tool_version(tool_version) AS tool_version,
    actor_hash,
    machine_hash,
    session_hint_hash,
    properties,
    source_format
FROM firsts AS f
