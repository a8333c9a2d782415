-- The flow events of the input (TEMP VIEW staged, kind 'flow': sanitized, hashed and keyed by
-- FlowEvents) with what becomes of each, as stg_flows.sql for a first run: the first occurrence of
-- a key in ingest order is 'stored'; a later one is a 'duplicate' when its values equal the first's,
-- else a 'conflict' (conflicting_event_id). SparkJob keeps it as TEMP VIEW flows.
WITH
-- each with its occurrence number and its content (the stored values)
ranked AS (
    SELECT f.*, row_number() OVER by_key AS occurrence,
           named_struct('ts', f.ts, 'event_name', f.event_name, 'tool_name', f.tool_name,
               'tool_version', f.tool_version, 'actor_hash', f.actor_hash, 'machine_hash', f.machine_hash,
               'session_hint_hash', f.session_hint_hash, 'properties', f.properties) AS content
    FROM staged AS f
    WHERE f.kind = 'flow'
    WINDOW by_key AS (PARTITION BY f.event_key ORDER BY f.ingest_seq)
),
-- beside the first occurrence's content
reference AS (
    SELECT r.*, first_value(r.content) OVER (PARTITION BY r.event_key ORDER BY r.occurrence) AS first_content
    FROM ranked AS r
)
SELECT file, file_index, line_no, index_in_line, ingest_seq, event_key, ts, event_name, tool_name, tool_version,
       actor_hash, machine_hash, session_hint_hash, properties, source_format,
       CASE WHEN occurrence = 1 THEN 'stored'
            WHEN content <=> first_content THEN 'duplicate'
            ELSE 'conflict' END AS outcome
FROM reference
