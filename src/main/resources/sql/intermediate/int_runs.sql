-- One row per workflow run (SPEC §5.2, §5.3), read off its last step: that step carries the
-- run's start (int_steps) and gives the run its tool version (the version that produced the
-- outcome). Adds the name, a 64-bit key of the step sequence (spelled out once per sequence in
-- int_fingerprints) and the outcome. Most runs have at most three steps: their name's leaf and
-- sequence key are their last step's triple's (int_step_triples works them out once per triple);
-- only longer runs collect their steps, which is slow for millions of runs. Texts stay keys and
-- ids here (tool, name, version, error text, session hint, outcome code): workflow_runs spells
-- them out, so this table stays small.
-- The run's name (run_leaf) and the key of its sequence (sequence_part) are one rule each for runs
-- of every length; only where their inputs come from differs.
WITH
-- the last step of each run, with its dense run and session ids (int_pair_offsets), its end
-- and, from its triple (int_step_triples), its tool and, for a run of up to three steps, its
-- name's leaf and sequence key
last_steps AS (
    SELECT s.*, o.run_offset + run_number_of(s.run_key) AS workflow_run_id,
           o.session_offset + s.session_number AS session_id,
           make_timestamptz(event_end_us(s.ts, s.duration_ms)) AS ended_at,
           t.tool_id, t.short_run_leaf_id, t.sequence_key
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
-- their steps in order (in_step_order)
long_runs AS (
    SELECT s.run_key, bit_xor(sequence_part(s.position, s.step_id)) AS fingerprint_key,
           in_step_order(list({'position': s.position, 'value': n.leaf_id}) FILTER (WHERE n.is_terminal)) AS leaves
    FROM long_steps AS s
    JOIN int_step_names AS n USING (step_id)
    GROUP BY s.run_key
),
-- the run's terminal leaf (run_leaf: 0 for none) and sequence key; a run of up to three steps
-- reads both off its last triple (run_leaf once per triple instead of once per run: its list
-- lambdas cost half a second at 5M events)
with_leaf AS (
    SELECT l.*,
           CASE WHEN l.position > 3 THEN run_leaf(lr.leaves) ELSE l.short_run_leaf_id END AS leaf_id,
           coalesce(lr.fingerprint_key, l.sequence_key) AS fingerprint_key
    FROM last_steps AS l
    LEFT JOIN long_runs AS lr USING (run_key)
),
-- the name of the run's (tool, leaf) (int_run_names)
with_name AS (
    SELECT k.*, n.name_id
    FROM with_leaf AS k
    JOIN int_run_names AS n USING (tool_id, leaf_id)
)
-- the run's columns; its outcome code is its last step's (int_steps; workflow_runs spells it out)
SELECT workflow_run_id, run_key, session_id, pair_key, ci_detected, hint_key, tool_id, leaf_id,
       name_id, version_key, run_started_at AS started_at, ended_at,
       position AS step_count, exit_code AS last_exit_code, error_key,
       fingerprint_key, is_last_in_session, run_split_code, outcome_code
FROM with_name
