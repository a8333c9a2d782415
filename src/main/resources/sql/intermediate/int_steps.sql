-- Every event as a step of its run (the second window pass, over the first one's rows straight
-- from int_events_sessionized): the run and session it belongs to as numbers within its (actor,
-- machine) key, its position in its run, the session reason code of a run that starts a session,
-- and the key of its (two back, one back, this) step triple within the run (n-grams,
-- fingerprints). run_key packs (pair_key, run number) into one integer that sorts like the final
-- dense ids; int_pair_offsets turns the numbers into those ids. The largest intermediate, so it
-- is narrow: the triple key packs three 21-bit step ids (0 for none), so the steps themselves
-- need no columns, texts are keys (int_texts, int_hints), and an event's end is its timestamp
-- plus its duration.
WITH
-- running counts of starts give the numbers (both packed in one sum: starts_increment); the latest run start (the last one so far; carrying it is much cheaper
-- than a running maximum) gives the position and start time, with the start's session reason
-- code (0 when the run does not start a session)
numbered AS (
    SELECT s.*,
           sum(starts_increment(s.split_code IS NOT NULL, s.starts_run))
               OVER so_far AS starts_packed,
           last_value(CASE WHEN s.starts_run
                           THEN {'event_number': s.event_number, 'ts': s.ts, 'split_code': coalesce(s.split_code, 0)} END
                      IGNORE NULLS) OVER so_far AS run_start,
           lead({'starts_session': s.split_code IS NOT NULL, 'starts_run': s.starts_run}) OVER by_event AS next
    FROM int_events_sessionized AS s
    WINDOW by_event AS (PARTITION BY s.pair_key ORDER BY s.event_number),
           so_far AS (PARTITION BY s.pair_key ORDER BY s.event_number ROWS UNBOUNDED PRECEDING)
),
-- the last event of a session or run is the one before the next start (or the key's last event)
with_ends AS (
    SELECT *, next IS NULL OR next.starts_session AS is_last_in_session,
           next IS NULL OR next.starts_run AS is_last_in_run
    FROM numbered
),
-- earlier steps only when they belong to the same run, and the gap from the previous step's end
-- to this one's start (report graph's edge times)
in_run AS (
    SELECT *,
           CASE WHEN event_number - run_start.event_number >= 1 THEN prev_step_id ELSE 0 END AS prev_in_run,
           CASE WHEN event_number - run_start.event_number >= 2 THEN prev2_step_id ELSE 0 END AS prev2_in_run,
           CASE WHEN event_number - run_start.event_number >= 1 THEN epoch_us(ts) - prev_ended_us END AS gap_us
    FROM with_ends
)
-- positions from the latest run start; what only runs and sessions need (the run's start, version
-- and outcome, the session's hint) only on the last event of the run or session, where int_runs
-- reads it (the outcome: run_outcome_code, once per run; workflow_step_rows shows it too)
SELECT pair_key, ingest_seq,
       sessions_counted(starts_packed) AS session_number,
       run_key(pair_key, runs_counted(starts_packed)) AS run_key,
       (event_number - run_start.event_number + 1)::INTEGER AS position,
       pack_triple(prev2_in_run, prev_in_run, step_id) AS triple_key,
       is_last_in_run, is_last_in_session,
       ts, exit_code, duration_ms, error_key, ci_detected, gap_us,
       CASE WHEN is_last_in_run THEN version_key END AS version_key,
       CASE WHEN is_last_in_session THEN hint_key END AS hint_key,
       CASE WHEN is_last_in_run THEN run_start.ts END AS run_started_at,
       CASE WHEN is_last_in_run THEN run_start.split_code::UTINYINT END AS run_split_code,
       CASE WHEN is_last_in_run
            THEN run_outcome_code(is_last_in_session, closes_run, exit_code, event_end_us(ts, duration_ms), st.as_of,
                                  st.session_timeout_ms)
       END AS outcome_code
FROM in_run
CROSS JOIN infer_settings AS st
