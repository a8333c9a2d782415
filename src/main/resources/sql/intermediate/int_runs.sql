-- One row per workflow run (SPEC §5.2, §5.3), read off its last step: that step carries the
-- run's start (int_steps) and gives the run its tool version (the version that produced the
-- outcome). Adds the name, a 64-bit key of the step sequence (spelled out once per sequence in
-- int_fingerprints) and the outcome. Most runs have at most three steps: their sequence and
-- terminal leaves are on the last step and the two before it; only longer runs collect their
-- steps, which is slow for millions of runs. Texts stay keys and ids here (tool, name, version,
-- error text, session hint, outcome code): workflow_runs spells them out, so this table stays small.
-- The run's name (run_leaf) and the key of its sequence (sequence_part) are one rule each for runs
-- of every length; only where their inputs come from differs.
WITH
-- the last step of each run, with its dense run and session ids (int_pair_offsets), its end
-- and, from its triple (int_step_triples), its tool and the terminal leaves of the up to three
-- last steps
last_steps AS (
    SELECT s.*, o.run_offset + run_number_of(s.run_key) AS workflow_run_id,
           o.session_offset + s.session_number AS session_id,
           make_timestamptz(event_end_us(s.ts, s.duration_ms)) AS ended_at,
           t.tool_id, t.is_terminal AS last_is_terminal,
           t.terminal_1, t.terminal_2, t.terminal_3, t.sequence_key
    FROM int_steps AS s
    JOIN int_pair_offsets AS o USING (pair_key)
    JOIN int_step_triples AS t USING (triple_key)
    WHERE s.is_last_in_run
),
-- every step of the runs longer than three steps
long_steps AS (
    SELECT s.run_key, s.position, step_of(s.triple_key) AS step_id
    FROM int_steps AS s
    SEMI JOIN (SELECT run_key FROM int_steps WHERE position = 4) AS l USING (run_key)
),
-- their step sequences as 64-bit keys (sequence_part over every step) and the terminal leaves of
-- their steps in order
long_runs AS (
    SELECT s.run_key, bit_xor(sequence_part(s.position, s.step_id)) AS fingerprint_key,
           list(n.leaf_id ORDER BY s.position) FILTER (WHERE n.is_terminal) AS leaves
    FROM long_steps AS s
    JOIN int_step_names AS n USING (step_id)
    GROUP BY s.run_key
),
-- the run's terminal leaf (run_leaf: 0 for none) and sequence key; a run of up to three steps
-- reads both off its last triple
with_leaf AS (
    SELECT l.*,
           run_leaf(CASE WHEN l.position > 3 THEN lr.leaves
                         ELSE list_filter([l.terminal_1, l.terminal_2, l.terminal_3], t -> t IS NOT NULL) END) AS leaf_id,
           coalesce(lr.fingerprint_key, l.sequence_key) AS fingerprint_key
    FROM last_steps AS l
    LEFT JOIN long_runs AS lr USING (run_key)
),
-- the name of the run's (tool, leaf) (int_run_names)
with_name AS (
    SELECT k.*, n.name_id
    FROM with_leaf AS k
    JOIN int_run_names AS n USING (tool_id, leaf_id)
),
-- closed: another run follows in the session, or the run ended on a terminal command with a
-- known exit code, or the session's last activity (the end of its last run) is more than the
-- timeout before as_of
closed AS (
    SELECT r.*,
           NOT r.is_last_in_session
               OR (r.last_is_terminal AND r.exit_code IS NOT NULL)
               OR epoch_us(st.as_of) - epoch_us(r.ended_at) > st.session_timeout_ms * 1000 AS is_closed
    FROM with_name AS r
    CROSS JOIN infer_settings AS st
)
-- the outcome (outcome_code_of; workflow_runs spells it out): SUCCESS, ended on a terminal command
-- that exited 0; FAILED, the last command exited non-zero (terminal or not); ABANDONED, anything
-- else; IN_PROGRESS, not closed
SELECT workflow_run_id, run_key, session_id, pair_key, ci_detected, hint_key, tool_id, leaf_id,
       name_id, version_key, run_started_at AS started_at, ended_at,
       position AS step_count, exit_code AS last_exit_code, error_key,
       fingerprint_key, is_last_in_session, run_split_code,
       CASE WHEN NOT is_closed THEN outcome_code_of('IN_PROGRESS')
            WHEN last_is_terminal AND exit_code = 0 THEN outcome_code_of('SUCCESS')
            WHEN exit_code <> 0 THEN outcome_code_of('FAILED')
            ELSE outcome_code_of('ABANDONED')
       END AS outcome_code
FROM closed
