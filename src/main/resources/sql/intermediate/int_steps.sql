-- Every event as a step of its run (the second window pass): session and workflow run ids, its
-- position in its run and in its session, whether it is the last of its run and of its session,
-- and the two steps before it in the run (n-grams, fingerprints). Ids are dense and follow
-- (actor, machine, time): each (actor, machine) gets an offset, the count of sessions and runs of
-- the keys before it.
WITH
-- sessions and runs per (actor, machine)
per_pair AS (
    SELECT pair_key, count(split_reason) AS sessions, count(*) FILTER (WHERE starts_run) AS runs
    FROM int_events_sessionized
    GROUP BY pair_key
),
-- ids used by the keys before each key
offsets AS (
    SELECT pair_key,
           coalesce(sum(sessions) OVER earlier, 0) AS session_offset,
           coalesce(sum(runs) OVER earlier, 0) AS run_offset
    FROM per_pair
    WINDOW earlier AS (ORDER BY pair_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
-- running counts of starts give the ids; the latest run and session start give the position and
-- what the run and session keep of their first event (start time, version, why the session split)
numbered AS (
    SELECT s.pair_key, s.ingest_seq, s.step_key,
           s.ts, s.ended_at, s.exit_code, s.duration_ms, s.error_type, s.session_hint_hash, s.ci_detected,
           o.session_offset + count(s.split_reason) OVER so_far AS session_id,
           o.run_offset + count(*) FILTER (WHERE s.starts_run) OVER so_far AS workflow_run_id,
           max(CASE WHEN s.starts_run
                    THEN {'event_number': s.event_number, 'ts': s.ts, 'tool_version': s.tool_version} END)
               OVER so_far AS run_start,
           max(CASE WHEN s.split_reason IS NOT NULL
                    THEN {'event_number': s.event_number, 'ts': s.ts, 'split_reason': s.split_reason} END)
               OVER so_far AS session_start,
           lag(s.step_key, 1) OVER so_far AS prev_step_key,
           lag(s.step_key, 2) OVER so_far AS prev2_step_key,
           s.event_number,
           coalesce(lead(s.starts_run) OVER so_far, true) AS is_last_in_run,
           coalesce(lead(s.split_reason IS NOT NULL) OVER so_far, true) AS is_last_in_session
    FROM int_events_sessionized AS s
    JOIN offsets AS o USING (pair_key)
    WINDOW so_far AS (PARTITION BY s.pair_key ORDER BY s.event_number ROWS UNBOUNDED PRECEDING)
)
-- positions from the latest starts; earlier steps only when they belong to the same run; what the
-- run and session keep of their first event only on their last event, where int_runs reads it
SELECT pair_key, ingest_seq, step_key, session_id, workflow_run_id,
       (event_number - run_start.event_number + 1)::INTEGER AS position,
       CASE WHEN event_number - run_start.event_number >= 1 THEN prev_step_key END AS prev_step_key,
       CASE WHEN event_number - run_start.event_number >= 2 THEN prev2_step_key END AS prev2_step_key,
       is_last_in_run, is_last_in_session,
       ts, ended_at, exit_code, duration_ms, error_type, session_hint_hash, ci_detected,
       CASE WHEN is_last_in_run THEN run_start.ts END AS run_started_at,
       CASE WHEN is_last_in_run THEN run_start.tool_version END AS run_tool_version,
       CASE WHEN is_last_in_session THEN session_start.ts END AS session_started_at,
       CASE WHEN is_last_in_session THEN session_start.split_reason END AS session_split_reason,
       CASE WHEN is_last_in_session THEN event_number - session_start.event_number + 1 END AS session_event_count
FROM numbered
