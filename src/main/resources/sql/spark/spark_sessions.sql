-- The sessions table (SPEC §5.1; marts/sessions.sql, docs/infer.md) from the job's steps (TEMP VIEW
-- steps, spark_steps.sql) and TEMP VIEW pair_offsets, in Spark SQL.
WITH
-- one row per session: its first event's reason, its last event's end, its events, runs and tools
per_session AS (
    SELECT actor_hash, machine_hash, session_number,
           min_by(split_reason, event_number) AS split_reason,
           max_by(session_hint_hash, event_number) AS session_hint_hash,
           max_by(ci_detected, event_number) AS ci_detected,
           min(ts) AS started_at,
           max_by(ended_us, event_number) AS ended_us,
           count(*) AS event_count,
           count_if(starts_run) AS workflow_run_count,
           array_sort(collect_set(tool_name)) AS tools
    FROM steps
    GROUP BY actor_hash, machine_hash, session_number
)
-- ids in (actor, machine, start) order (spark_pair_offsets), the columns of the database's sessions table
SELECT o.session_offset + s.session_number AS session_id,
       s.actor_hash, s.machine_hash, s.session_hint_hash, s.ci_detected, s.split_reason, s.started_at,
       timestamp_micros(s.ended_us) AS ended_at, s.event_count, s.workflow_run_count, s.tools
FROM per_session AS s
JOIN pair_offsets AS o ON o.actor_hash = s.actor_hash AND o.machine_hash = s.machine_hash
