-- The fingerprint of every distinct step sequence (SPEC §5.2), spelled out once: each step
-- tool/sub/cmd with its flags sorted in [..], joined by ' -> '. Read off one run per sequence.
WITH
-- one run per sequence key
representatives AS (
    SELECT fingerprint_key, min(run_key) AS run_key
    FROM int_runs
    GROUP BY fingerprint_key
),
-- that run's steps in order (in_step_order)
sequences AS (
    SELECT r.fingerprint_key, in_step_order(list({'position': s.position, 'value': n.step_with_flags})) AS steps
    FROM representatives AS r
    JOIN int_steps AS s USING (run_key)
    JOIN int_step_names AS n ON n.step_id = step_of(s.triple_key)
    GROUP BY r.fingerprint_key
)
SELECT fingerprint_key, array_to_string(steps, ' -> ') AS fingerprint
FROM sequences
