-- The sessions table (SPEC §5.1; marts/sessions.sql and the int_* models it reads, docs/infer.md)
-- from the job's events (TEMP VIEW events), in Spark SQL, for native input: no actor links and no
-- sign-ins, so an (actor, machine) pair is its stored hashes. Settings: the built-in workflows'
-- entry and terminal commands and the session timeout, written in by SparkJob (${...}).
WITH
-- every event with its end and its step's roles (the leaf command decides entry and terminal)
steps AS (
    SELECT e.actor_hash, e.machine_hash, e.ts, e.sequence, e.ingest_seq, e.tool_name, e.ci_detected,
           e.session_hint_hash,
           unix_micros(e.ts) AS ts_us,
           unix_micros(e.ts) + coalesce(e.duration_ms, 0) * 1000 AS ended_us,
           element_at(e.command_path, -1) IN (${entry_commands}) AS is_entry,
           element_at(e.command_path, -1) IN (${terminal_commands}) AND e.exit_code IS NOT NULL AS closes_run
    FROM events AS e
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
-- code, or when the tool changes; sessions numbered within their pair by a running count
numbered AS (
    SELECT s.*,
           s.split_reason IS NOT NULL OR s.is_entry OR s.prev.closes_run OR s.tool_name <> s.prev.tool_name AS starts_run,
           sum(CASE WHEN s.split_reason IS NOT NULL THEN 1 ELSE 0 END) OVER (
               PARTITION BY s.actor_hash, s.machine_hash ORDER BY s.event_number ROWS UNBOUNDED PRECEDING) AS session_number
    FROM session_starts AS s
),
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
    FROM numbered
    GROUP BY actor_hash, machine_hash, session_number
)
-- dense ids in (actor, machine, start) order, the columns of the database's sessions table
SELECT CAST(row_number() OVER (ORDER BY actor_hash, machine_hash, session_number) AS BIGINT) AS session_id,
       actor_hash, machine_hash, session_hint_hash, ci_detected, split_reason, started_at,
       timestamp_micros(ended_us) AS ended_at, event_count, workflow_run_count, tools
FROM per_session
