-- The workflow_runs table (SPEC §5.2, §5.3; marts/workflow_runs.sql and int_runs, int_run_names,
-- int_fingerprints, docs/infer.md) from the job's steps (TEMP VIEW steps, spark_steps.sql) and
-- TEMP VIEW pair_offsets, in Spark SQL. Settings (JobSettings): the session timeout
-- (${session_timeout_us}), --as-of (${as_of_us}, else the latest event end, as infer's default) and
-- the custom names of the workflows settings (TEMP VIEW workflow_names).
WITH
-- each step with its session and run ids (spark_pair_offsets) and its position in its run
positioned AS (
    SELECT s.*,
           o.session_offset + s.session_number AS session_id,
           o.run_offset + s.run_number AS workflow_run_id,
           row_number() OVER (PARTITION BY s.actor_hash, s.machine_hash, s.run_number ORDER BY s.event_number) AS position
    FROM steps AS s
    JOIN pair_offsets AS o ON o.actor_hash = s.actor_hash AND o.machine_hash = s.machine_hash
),
-- one row per run: read off its first and last steps, its steps spelled out in order
runs AS (
    SELECT actor_hash, machine_hash, run_number, workflow_run_id,
           min(session_id) AS session_id,
           max_by(ci_detected, position) AS ci_detected,
           max_by(tool_name, position) AS tool_name,
           max_by(tool_version, position) AS tool_version,
           min_by(ts_us, position) AS started_us,
           max_by(ended_us, position) AS ended_us,
           max(ended_us) AS latest_end_us,
           count(*) AS step_count,
           max_by(exit_code, position) AS last_exit_code,
           max_by(error_type, position) AS last_error_type,
           max_by(is_terminal, position) AS last_is_terminal,
           array_join(transform(array_sort(collect_list(named_struct('p', position, 's', step_with_flags))), x -> x.s),
               ' -> ') AS fingerprint
    FROM positioned
    GROUP BY actor_hash, machine_hash, run_number, workflow_run_id
),
-- the instant that decides IN_PROGRESS: --as-of, else the latest end of any event
as_of AS (
    SELECT coalesce(${as_of_us}, max(latest_end_us)) AS as_of_us FROM runs
),
-- the terminal leaf that names a run: the most frequent of its steps' terminal leaves, ties to the
-- one seen first (run_leaf)
leaves AS (
    SELECT actor_hash, machine_hash, run_number, leaf,
           row_number() OVER (PARTITION BY actor_hash, machine_hash, run_number ORDER BY count(*) DESC, min(position)) AS rank
    FROM positioned
    WHERE is_terminal
    GROUP BY actor_hash, machine_hash, run_number, leaf
),
-- the name (int_run_names: a custom name for the tool, compared case-insensitively, and the
-- terminal leaf, else <leaf>_workflow, else <tool>_workflow), and whether the run is the last of its session
named AS (
    SELECT r.*, a.as_of_us,
           coalesce(w.workflow_name, l.leaf || '_workflow', r.tool_name || '_workflow') AS workflow_name,
           r.run_number = max(r.run_number) OVER (PARTITION BY r.session_id) AS is_last_in_session
    FROM runs AS r
    CROSS JOIN as_of AS a
    LEFT JOIN leaves AS l
      ON l.actor_hash = r.actor_hash AND l.machine_hash = r.machine_hash AND l.run_number = r.run_number AND l.rank = 1
    LEFT JOIN workflow_names AS w ON lower(w.tool_name) = lower(r.tool_name) AND w.terminal = l.leaf
),
-- the outcome: IN_PROGRESS while not closed (the last run of its session, not ended on a terminal
-- command with a known exit code, less than the timeout before as_of); SUCCESS, a terminal
-- command that exited 0; FAILED, a last command that exited non-zero; else ABANDONED
outcomes AS (
    SELECT n.*,
           CASE WHEN NOT (NOT n.is_last_in_session
                          OR (n.last_is_terminal AND n.last_exit_code IS NOT NULL)
                          OR n.as_of_us - n.ended_us > ${session_timeout_us}) THEN 'IN_PROGRESS'
                WHEN n.last_is_terminal AND n.last_exit_code = 0 THEN 'SUCCESS'
                WHEN n.last_exit_code <> 0 THEN 'FAILED'
                ELSE 'ABANDONED'
           END AS outcome
    FROM named AS n
),
-- for each FAILED run, the first later SUCCESS run of the same name in the same session
recoveries AS (
    SELECT f.workflow_run_id, min(s.workflow_run_id) AS recovered_by_run_id,
           min_by(s.ended_us, s.workflow_run_id) AS recovered_us,
           min_by(s.fingerprint, s.workflow_run_id) AS recovery_fingerprint
    FROM outcomes AS f
    JOIN outcomes AS s
      ON s.session_id = f.session_id AND s.workflow_name = f.workflow_name AND s.workflow_run_id > f.workflow_run_id
     AND s.outcome = 'SUCCESS'
    WHERE f.outcome = 'FAILED'
    GROUP BY f.workflow_run_id
)
-- the columns of the database's workflow_runs table
SELECT o.workflow_run_id, o.session_id,
       o.actor_hash, o.machine_hash, o.ci_detected, o.tool_name, o.tool_version, o.workflow_name, o.outcome,
       timestamp_micros(o.started_us) AS started_at, timestamp_micros(o.ended_us) AS ended_at,
       (o.ended_us - o.started_us) DIV 1000 AS duration_ms,
       CAST(o.step_count AS INT) AS step_count, o.fingerprint, o.last_exit_code, o.last_error_type,
       r.recovered_us IS NOT NULL AS recovered,
       CASE WHEN r.recovered_us IS NOT NULL THEN greatest(0, (r.recovered_us - o.ended_us) DIV 1000) END AS time_to_recover_ms,
       CAST(r.recovered_by_run_id AS BIGINT) AS recovered_by_run_id, r.recovery_fingerprint
FROM outcomes AS o
LEFT JOIN recoveries AS r ON r.workflow_run_id = o.workflow_run_id
