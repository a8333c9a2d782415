-- One row per workflow run with its outcome and recovery (SPEC §5.2, §5.3).
WITH
-- what the run's session says: the run after it, and the session's last activity
in_session AS (
    SELECT r.*,
           max(workflow_run_id) OVER session AS last_run_in_session,
           arg_max(ended_at, workflow_run_id) OVER session AS session_last_activity
    FROM int_runs AS r
    WINDOW session AS (PARTITION BY session_id)
),
-- closed: another run follows in the session, or the run ended on a terminal command with a
-- known exit code, or the session went quiet for longer than the timeout before as_of
closed AS (
    SELECT i.*,
           i.workflow_run_id < i.last_run_in_session
               OR (i.last_is_terminal AND i.last_exit_code IS NOT NULL)
               OR epoch_us(st.as_of) - epoch_us(i.session_last_activity) > st.session_timeout_ms * 1000 AS is_closed
    FROM in_session AS i
    CROSS JOIN infer_settings AS st
),
-- SUCCESS: ended on a terminal command that exited 0; FAILED: the last command exited non-zero
-- (terminal or not); ABANDONED: anything else; IN_PROGRESS: not closed
with_outcome AS (
    SELECT c.*,
           CASE WHEN NOT c.is_closed THEN 'IN_PROGRESS'
                WHEN c.last_is_terminal AND c.last_exit_code = 0 THEN 'SUCCESS'
                WHEN c.last_exit_code <> 0 THEN 'FAILED'
                ELSE 'ABANDONED'
           END AS outcome
    FROM closed AS c
),
-- the end of the first later SUCCESS run of the same name in the same session
next_success AS (
    SELECT w.*,
           first_value(CASE WHEN w.outcome = 'SUCCESS' THEN w.ended_at END IGNORE NULLS) OVER (
               PARTITION BY w.session_id, w.workflow_name ORDER BY w.workflow_run_id
               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_success_ended_at
    FROM with_outcome AS w
),
-- the stitched actor and the machine of each (actor, machine) key
pairs AS (
    SELECT DISTINCT pair_key, actor_hash, machine_hash FROM int_actor_machines
)
-- a FAILED run is recovered by a later SUCCESS of its name in its session; the time to recover
-- runs from its end to that run's end (never below 0 when runs overlap)
SELECT n.workflow_run_id, n.session_id, p.actor_hash, p.machine_hash, n.ci_detected,
       n.tool_name, n.tool_version, n.workflow_name, n.outcome,
       n.started_at, n.ended_at, (epoch_us(n.ended_at) - epoch_us(n.started_at)) // 1000 AS duration_ms,
       n.step_count, n.fingerprint, n.last_exit_code, n.last_error_type,
       n.outcome = 'FAILED' AND n.next_success_ended_at IS NOT NULL AS recovered,
       CASE WHEN n.outcome = 'FAILED' AND n.next_success_ended_at IS NOT NULL
            THEN greatest(0, (epoch_us(n.next_success_ended_at) - epoch_us(n.ended_at)) // 1000) END AS time_to_recover_ms
FROM next_success AS n
JOIN pairs AS p USING (pair_key)
