-- Schema 12: the run that recovered a FAILED run, stored by infer where it finds the recovery, so
-- report errors' fix paths are a group-by of the failed runs instead of a join of every recovered
-- run to the later SUCCESS runs of its session. (Version 11 is error_source's.)
ALTER TABLE workflow_runs ADD COLUMN recovered_by_run_id BIGINT;    -- the first later SUCCESS of the same name in the session; null when not recovered
ALTER TABLE workflow_runs ADD COLUMN recovery_fingerprint VARCHAR;  -- that run's fingerprint (the fix path)

-- Rows inferred by an earlier build get both values here, by infer's rule, so their reports stay
-- current without a new infer.
UPDATE workflow_runs AS w
SET recovered_by_run_id = r.recovered_by_run_id, recovery_fingerprint = r.recovery_fingerprint
FROM (
    SELECT f.workflow_run_id, min(s.workflow_run_id) AS recovered_by_run_id,
           arg_min(s.fingerprint, s.workflow_run_id) AS recovery_fingerprint
    FROM workflow_runs AS f
    JOIN workflow_runs AS s
      ON s.session_id = f.session_id AND s.workflow_name = f.workflow_name
     AND s.workflow_run_id > f.workflow_run_id
    WHERE f.outcome = 'FAILED' AND s.outcome = 'SUCCESS'
    GROUP BY f.workflow_run_id
) AS r
WHERE w.workflow_run_id = r.workflow_run_id;
