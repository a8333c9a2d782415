-- The flow_events table (its columns in order) as a first ingest stores it (ingest_flow_events.sql):
-- each key's first occurrence (TEMP VIEW flows, outcome 'stored'), run 1, at its ingest position.
SELECT event_key, CAST(1 AS INT) AS run_id, ingest_seq, ts, event_name, tool_name, tool_version, actor_hash,
       machine_hash, session_hint_hash, properties, source_format
FROM flows
WHERE outcome = 'stored'
