-- One row per workflow run (SPEC §5.2, §5.3): int_runs with the actor and machine, the texts
-- spelled out (tool and name: int_run_names; version and error text: int_texts; outcome),
-- the fingerprint spelled out, and recovery (the recovering run and its fingerprint). Written a
-- slice of (actor, machine) pairs at a time (in_slice): recovery looks within a session only.
WITH
-- for each FAILED run, the first later SUCCESS run of the same name in the same session: its id,
-- end and fingerprint (report errors' fix path)
recoveries AS (
    SELECT f.workflow_run_id, min(s.workflow_run_id) AS recovered_by_run_id,
           arg_min(s.ended_at, s.workflow_run_id) AS recovered_at,
           arg_min(s.fingerprint_key, s.workflow_run_id) AS recovery_fingerprint_key
    FROM (SELECT workflow_run_id, session_id, name_id FROM int_runs
          WHERE outcome_code = outcome_code_of('FAILED') AND in_slice(pair_key)) AS f
    JOIN (SELECT workflow_run_id, session_id, name_id, ended_at, fingerprint_key FROM int_runs
          WHERE outcome_code = outcome_code_of('SUCCESS') AND in_slice(pair_key)) AS s
      ON s.session_id = f.session_id AND s.name_id = f.name_id
     AND s.workflow_run_id > f.workflow_run_id
    GROUP BY f.workflow_run_id
),
-- the stitched actor and the machine of each (actor, machine) key
pairs AS (
    SELECT DISTINCT pair_key, actor_hash, machine_hash FROM int_actor_machines WHERE in_slice(pair_key)
)
-- a recovered run's time to recover runs from its end to the end of that SUCCESS run (never
-- below 0 when runs overlap); duration: last event's end minus first event's timestamp
SELECT w.workflow_run_id, w.session_id, p.actor_hash, p.machine_hash, w.ci_detected,
       n.tool_name, v.text AS tool_version, n.workflow_name,
       outcome_name(w.outcome_code) AS outcome,
       w.started_at, w.ended_at, (epoch_us(w.ended_at) - epoch_us(w.started_at)) // 1000 AS duration_ms,
       w.step_count, fp.fingerprint, w.last_exit_code, x.text AS last_error_type,
       r.recovered_at IS NOT NULL AS recovered,
       CASE WHEN r.recovered_at IS NOT NULL
            THEN greatest(0, (epoch_us(r.recovered_at) - epoch_us(w.ended_at)) // 1000) END AS time_to_recover_ms,
       r.recovered_by_run_id, rfp.fingerprint AS recovery_fingerprint
FROM (SELECT * FROM int_runs WHERE in_slice(pair_key)) AS w
JOIN pairs AS p USING (pair_key)
JOIN int_fingerprints AS fp USING (fingerprint_key)
JOIN int_run_names AS n USING (tool_id, leaf_id)
JOIN int_texts AS v ON v.text_key = w.version_key
LEFT JOIN int_texts AS x ON x.text_key = w.error_key
LEFT JOIN recoveries AS r USING (workflow_run_id)
LEFT JOIN int_fingerprints AS rfp ON rfp.fingerprint_key = r.recovery_fingerprint_key
