-- The events table (schema 13's columns, in its order) from the accepted command events (TEMP VIEW
-- command_events: native lines and the events PostHog and Segment lines mapped), as one ingest run of
-- the files in path order (specification §4.2): each key once, its first occurrence in ingest order;
-- later occurrences, equal (duplicates) or not (conflicts, spark_command_conflicts.sql), are left out.
WITH
-- the accepted events, each with its occurrence number among the events of its key
ranked AS (
    SELECT s.*, row_number() OVER (PARTITION BY s.event_key ORDER BY s.ingest_seq) AS occurrence
    FROM command_events AS s
)
-- the first occurrence of each key, as the database stores it (run 1)
SELECT event_key, CAST(1 AS INT) AS run_id, ingest_seq, ts, tool_name, tool_version, command_path, flags_present,
       exit_code, duration_ms, error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, sequence,
       source_format, error_source, http_status
FROM ranked
WHERE occurrence = 1
