-- One row per workflow run (SPEC §5.2, §5.3), read off its last step: that step carries the
-- run's start (int_steps) and gives the run its tool version (the version that produced the
-- outcome). Adds the name, a 64-bit key of the step sequence (spelled out once per sequence in
-- int_fingerprints) and the outcome. Most runs have at most three steps: their sequence and
-- terminal leaves are on the last step and the two before it; only longer runs collect their
-- steps, which is slow for millions of runs. Texts stay keys and ids here (tool, name, version,
-- error text, session hint, outcome code): workflow_runs spells them out, so this table stays small.
WITH
-- the last step of each run, with its dense run and session ids (int_pair_offsets), its end
-- and, from its triple (int_step_triples), its tool and the terminal leaves of the up to three
-- last steps
lasts AS (
    SELECT s.*, o.run_offset + (s.run_key & 4294967295) AS workflow_run_id,
           o.session_offset + s.session_number AS session_id,
           make_timestamptz(epoch_us(s.ts) + coalesce(s.duration_ms, 0) * 1000) AS ended_at,
           t.tool_id, t.is_terminal AS last_is_terminal,
           t.terminal_1, t.terminal_2, t.terminal_3, t.sequence_key
    FROM int_steps AS s
    JOIN int_pair_offsets AS o USING (pair_key)
    JOIN int_step_triples AS t USING (triple_key)
    WHERE s.is_last_in_run
),
-- every step of the runs longer than three steps
long_steps AS (
    SELECT s.run_key, s.position, (s.triple_key & 2097151)::INTEGER AS step_id
    FROM int_steps AS s
    SEMI JOIN (SELECT run_key FROM int_steps WHERE position = 4) AS l USING (run_key)
),
-- their step sequences as 64-bit keys: each (position, step) packed in one integer and hashed, the
-- hashes combined with XOR, which needs no ordered list per run (int_step_triples keys the
-- sequences of up to three steps)
long_sequences AS (
    SELECT run_key, bit_xor(hash(position::BIGINT * 2097152 + step_id)) AS fingerprint_key
    FROM long_steps
    GROUP BY run_key
),
-- how often each terminal leaf occurs in a long run, and where first
long_terminals AS (
    SELECT s.run_key, n.leaf_id, count(*) AS occurrences, min(s.position) AS first_position
    FROM long_steps AS s
    JOIN int_step_names AS n USING (step_id)
    WHERE n.is_terminal
    GROUP BY s.run_key, n.leaf_id
),
-- a long run's terminal leaf: the most frequent, ties to the one seen first
long_leaf AS (
    SELECT run_key, arg_max(leaf_id, {'occurrences': occurrences, 'earlier': -first_position}) AS leaf_id
    FROM long_terminals
    GROUP BY run_key
),
-- the run's terminal leaf (0: none) and sequence key; for up to three steps the same rule in
-- closed form: a leaf seen twice wins, else the first terminal leaf
keyed AS (
    SELECT l.*,
           coalesce(CASE WHEN l.position > 3 THEN ll.leaf_id
                         WHEN l.terminal_1 = l.terminal_2 OR l.terminal_1 = l.terminal_3 THEN l.terminal_1
                         WHEN l.terminal_2 = l.terminal_3 THEN l.terminal_2
                         ELSE coalesce(l.terminal_1, l.terminal_2, l.terminal_3)
                    END, 0) AS leaf_id,
           coalesce(ls.fingerprint_key, l.sequence_key) AS fingerprint_key
    FROM lasts AS l
    LEFT JOIN long_sequences AS ls USING (run_key)
    LEFT JOIN long_leaf AS ll USING (run_key)
),
-- the name of the run's (tool, leaf) (int_run_names)
named AS (
    SELECT k.*, n.name_id
    FROM keyed AS k
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
    FROM named AS r
    CROSS JOIN infer_settings AS st
)
-- outcome codes (workflow_runs spells them out): 1 SUCCESS, ended on a terminal command that
-- exited 0; 2 FAILED, the last command exited non-zero (terminal or not); 3 ABANDONED, anything
-- else; 4 IN_PROGRESS, not closed
SELECT workflow_run_id, run_key, session_id, pair_key, ci_detected, hint_key, tool_id, leaf_id,
       name_id, version_key, run_started_at AS started_at, ended_at,
       position AS step_count, exit_code AS last_exit_code, error_key,
       fingerprint_key, is_last_in_session, run_split_code,
       CASE WHEN NOT is_closed THEN 4
            WHEN last_is_terminal AND exit_code = 0 THEN 1
            WHEN exit_code <> 0 THEN 2
            ELSE 3
       END::UTINYINT AS outcome_code
FROM closed
