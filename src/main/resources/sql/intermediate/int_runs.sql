-- One row per workflow run with what its steps say (SPEC §5.2): first and last event, step count,
-- name, and a 64-bit key of its step sequence (spelled out once per sequence in int_fingerprints).
-- and its outcome (SPEC §5.3). Built from each run's first and last step rather than by
-- collecting all steps: runs are many and collecting lists is slow.
WITH
-- the first step of each run: when and how it started
firsts AS (
    SELECT s.workflow_run_id, s.session_id, s.pair_key, s.ts AS started_at, s.tool_version,
           s.split_reason, s.session_hint_hash, s.ci_detected, n.tool_name
    FROM int_steps AS s
    JOIN int_step_names AS n USING (step_key)
    WHERE s.position = 1
),
-- the last step of each run: how it ended
lasts AS (
    SELECT s.workflow_run_id, s.position AS step_count, s.ended_at, s.exit_code AS last_exit_code,
           s.error_type AS last_error_type, n.is_terminal AS last_is_terminal, s.is_last_in_session,
           s.session_position AS session_event_count,
           s.step_key, s.prev_step_key, s.prev2_step_key
    FROM int_steps AS s
    JOIN int_step_names AS n USING (step_key)
    WHERE s.is_last_in_run
),
-- the run's step keys in order: runs of up to three steps (most) read them off their last step,
-- longer runs collect them
step_keys AS (
    SELECT workflow_run_id, list_filter([prev2_step_key, prev_step_key, step_key], k -> k IS NOT NULL) AS step_keys
    FROM lasts
    WHERE step_count <= 3
    UNION ALL
    SELECT s.workflow_run_id, list(s.step_key ORDER BY s.position) AS step_keys
    FROM int_steps AS s
    SEMI JOIN lasts AS l ON l.workflow_run_id = s.workflow_run_id AND l.step_count > 3
    GROUP BY s.workflow_run_id
),
-- how often each terminal leaf occurs in a run, and where first
terminal_leaves AS (
    SELECT s.workflow_run_id, n.leaf, count(*) AS occurrences, min(s.position) AS first_position
    FROM int_steps AS s
    JOIN int_step_names AS n USING (step_key)
    WHERE n.is_terminal
    GROUP BY s.workflow_run_id, n.leaf
),
-- the run's terminal leaf: the most frequent, ties to the one seen first
chosen_leaf AS (
    SELECT workflow_run_id, arg_max(leaf, {'occurrences': occurrences, 'earlier': -first_position}) AS leaf
    FROM terminal_leaves
    GROUP BY workflow_run_id
),
-- the name: a custom name for (tool, leaf) from the settings, else <leaf>_workflow, else
-- <tool>_workflow when the run has no terminal command
named AS (
    SELECT f.*, l.* EXCLUDE (workflow_run_id, step_key, prev_step_key, prev2_step_key),
           coalesce(w.workflow_name, c.leaf || '_workflow', f.tool_name || '_workflow') AS workflow_name,
           hash(k.step_keys) AS fingerprint_key
    FROM firsts AS f
    JOIN lasts AS l USING (workflow_run_id)
    JOIN step_keys AS k USING (workflow_run_id)
    LEFT JOIN chosen_leaf AS c USING (workflow_run_id)
    LEFT JOIN infer_workflow_names AS w ON lower(w.tool_name) = lower(f.tool_name) AND w.terminal = c.leaf
),
-- closed: another run follows in the session, or the run ended on a terminal command with a
-- known exit code, or the session's last activity (the end of its last run) is more than the
-- timeout before as_of
closed AS (
    SELECT r.*,
           NOT r.is_last_in_session
               OR (r.last_is_terminal AND r.last_exit_code IS NOT NULL)
               OR epoch_us(st.as_of) - epoch_us(r.ended_at) > st.session_timeout_ms * 1000 AS is_closed
    FROM named AS r
    CROSS JOIN infer_settings AS st
)
-- SUCCESS: ended on a terminal command that exited 0; FAILED: the last command exited non-zero
-- (terminal or not); ABANDONED: anything else; IN_PROGRESS: not closed
SELECT c.* EXCLUDE (is_closed),
       CASE WHEN NOT c.is_closed THEN 'IN_PROGRESS'
            WHEN c.last_is_terminal AND c.last_exit_code = 0 THEN 'SUCCESS'
            WHEN c.last_exit_code <> 0 THEN 'FAILED'
            ELSE 'ABANDONED'
       END AS outcome
FROM closed AS c
