-- Every event as a step of its run (the second window pass): session and workflow run ids, its
-- position in its run and in its session, whether it is the last of its run and of its session,
-- and the two steps before it in the run (n-grams, fingerprints). Ids are dense and follow
-- (actor, machine, time): each (actor, machine) gets an offset, the count of sessions and runs of
-- the keys before it.
WITH
-- sessions and runs per (actor, machine)
per_pair AS (
    SELECT pair_key, count(split_code) AS sessions, count(*) FILTER (WHERE starts_run) AS runs
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
-- running counts of starts give the ids; the latest run and session start give the positions and
-- start times (timestamps never decrease in this order, so the latest start has the largest), and
-- the session's reason code, packed with the start's event number as number * 8 + code
numbered AS (
    SELECT s.pair_key, s.ingest_seq, s.step_key,
           s.ts, s.ended_at, s.exit_code, s.duration_ms, s.error_type, s.tool_version, s.session_hint_hash, s.ci_detected,
           o.session_offset + count(s.split_code) OVER so_far AS session_id,
           o.run_offset + count(*) FILTER (WHERE s.starts_run) OVER so_far AS workflow_run_id,
           max(CASE WHEN s.starts_run THEN s.event_number END) OVER so_far AS run_start_number,
           max(CASE WHEN s.starts_run THEN s.ts END) OVER so_far AS run_started_at,
           max(CASE WHEN s.split_code IS NOT NULL THEN s.event_number * 8 + s.split_code END) OVER so_far
               AS session_start_packed,
           max(CASE WHEN s.split_code IS NOT NULL THEN s.ts END) OVER so_far AS session_started_at,
           lag(s.step_key, 1) OVER so_far AS prev_step_key,
           lag(s.step_key, 2) OVER so_far AS prev2_step_key,
           s.event_number,
           coalesce(lead(s.starts_run) OVER so_far, true) AS is_last_in_run,
           coalesce(lead(s.split_code IS NOT NULL) OVER so_far, true) AS is_last_in_session
    FROM int_events_sessionized AS s
    JOIN offsets AS o USING (pair_key)
    WINDOW so_far AS (PARTITION BY s.pair_key ORDER BY s.event_number ROWS UNBOUNDED PRECEDING)
)
-- positions from the latest starts; earlier steps only when they belong to the same run; what the
-- run and session keep of their first event only on their last event, where int_runs reads it
SELECT pair_key, ingest_seq, step_key, session_id, workflow_run_id,
       (event_number - run_start_number + 1)::INTEGER AS position,
       CASE WHEN event_number - run_start_number >= 1 THEN prev_step_key END AS prev_step_key,
       CASE WHEN event_number - run_start_number >= 2 THEN prev2_step_key END AS prev2_step_key,
       is_last_in_run, is_last_in_session,
       ts, ended_at, exit_code, duration_ms, error_type, tool_version, session_hint_hash, ci_detected,
       CASE WHEN is_last_in_run THEN run_started_at END AS run_started_at,
       CASE WHEN is_last_in_session THEN session_started_at END AS session_started_at,
       CASE WHEN is_last_in_session THEN (session_start_packed % 8)::UTINYINT END AS session_split_code,
       CASE WHEN is_last_in_session THEN event_number - session_start_packed // 8 + 1 END AS session_event_count
FROM numbered
