-- Every event as a step of its session and run (SPEC §5.1, §5.2; int_events_sessionized and
-- int_steps, docs/infer.md), from the job's events (TEMP VIEW events), in Spark SQL, each on the
-- stitched actor and the machine of its period (TEMP VIEW actor_machines: aliases and sign-ins). Settings:
-- the workflows' entry and terminal commands (arrays) and the session timeout, written in by
-- SparkJob (JobSettings, ${...}). SparkJob keeps it as TEMP VIEW steps for spark_sessions and spark_workflow_runs.
WITH
-- every event with its end and its step's roles (the leaf command decides entry and terminal)
steps AS (
    SELECT p.actor_hash, p.machine_hash, e.ts, e.sequence, e.ingest_seq, e.tool_name, e.tool_version, e.ci_detected,
           e.session_hint_hash, e.exit_code, e.duration_ms, e.error_type,
           unix_micros(e.ts) AS ts_us,
           unix_micros(e.ts) + coalesce(e.duration_ms, 0) * 1000 AS ended_us,
           element_at(e.command_path, -1) AS leaf,
           array_join(e.command_path, '/') AS step,
           array_contains(${entry_commands}, element_at(e.command_path, -1)) AS is_entry,
           array_contains(${terminal_commands}, element_at(e.command_path, -1)) AS is_terminal,
           array_contains(${terminal_commands}, element_at(e.command_path, -1)) AND e.exit_code IS NOT NULL AS closes_run,
           array_join(e.command_path, '/')
               || CASE WHEN size(e.flags_present) > 0 THEN '[' || array_join(array_sort(e.flags_present), ',') || ']' ELSE '' END
               AS step_with_flags
    FROM events AS e
    JOIN actor_machines AS p
      ON p.raw_actor_hash = e.actor_hash AND p.raw_machine_hash = e.machine_hash
     AND (p.valid_from IS NULL OR e.ts >= p.valid_from) AND (p.valid_until IS NULL OR e.ts < p.valid_until)
),
-- each event beside the previous event of the same actor and machine, in the order of SPEC §5.1:
-- timestamp, then sequence (events without one after those with one), then ingest order
ordered AS (
    SELECT s.*,
           row_number() OVER by_pair AS event_number,
           lag(named_struct('ended_us', s.ended_us, 'hint', s.session_hint_hash, 'ci_detected', s.ci_detected,
               'tool_name', s.tool_name, 'closes_run', s.closes_run)) OVER by_pair AS prev
    FROM steps AS s
    WINDOW by_pair AS (PARTITION BY s.actor_hash, s.machine_hash ORDER BY s.ts, s.sequence ASC NULLS LAST, s.ingest_seq)
),
-- where a session starts and why (int_events_sessionized): the first event, a gap longer than the
-- timeout after the previous event's end, another hint (no hint is a hint of its own), another CI flag
session_starts AS (
    SELECT o.*,
           CASE WHEN o.prev IS NULL THEN 'first'
                WHEN o.ts_us - o.prev.ended_us > ${session_timeout_us} THEN 'inactivity'
                WHEN NOT (o.session_hint_hash <=> o.prev.hint) THEN 'hint_change'
                WHEN o.ci_detected <> o.prev.ci_detected THEN 'ci_change'
           END AS split_reason
    FROM ordered AS o
),
-- a run starts with a session, at an entry command, after a terminal command with a known exit
-- code, or when the tool changes
run_starts AS (
    SELECT s.*,
           s.split_reason IS NOT NULL OR s.is_entry OR s.prev.closes_run OR s.tool_name <> s.prev.tool_name AS starts_run
    FROM session_starts AS s
)
-- sessions and runs numbered within their pair by running counts of their starts
SELECT r.*,
       sum(CASE WHEN r.split_reason IS NOT NULL THEN 1 ELSE 0 END) OVER so_far AS session_number,
       sum(CASE WHEN r.starts_run THEN 1 ELSE 0 END) OVER so_far AS run_number
FROM run_starts AS r
WINDOW so_far AS (PARTITION BY r.actor_hash, r.machine_hash ORDER BY r.event_number ROWS UNBOUNDED PRECEDING)
