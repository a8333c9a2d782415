-- Writes the flow events of one ingest run (SPEC §4.4, §6.4): non-command events the Segment
-- reader kept for funnels, as staged and judged by stg_flows.sql (TEMP ca_flows: ids hashed, names
-- and tools sanitized like native fields, properties reduced to enum-like values), each key once.
-- Parameters: $1 run id, $2 first ingest_seq of the run.
INSERT INTO flow_events
-- the first occurrence of each key not stored yet, ingest_seq increasing with file, line and position
SELECT
    event_key,
    $1::INTEGER AS run_id,
    $2::BIGINT + pos AS ingest_seq,
    ts, event_name, tool_name, tool_version, actor_hash, machine_hash, session_hint_hash, properties, source_format
FROM ca_flows
WHERE outcome = 'stored'
