-- `--min-cohort` of report errors: distinct actors behind its totals and each fix path (run only
-- when K > 1; the error types count their own actors in errors.sql).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow).
-- Rows: part, row_key ('v' and the value, 'n' for null; a fix path's error type and fingerprint
-- joined by chr(31)), actors.
WITH
-- failed workflow runs in scope, as errors.sql reads them
failed_runs AS (
    SELECT actor_hash, ci_detected, last_error_type, recovered, recovery_fingerprint
    FROM workflow_runs
    WHERE outcome = 'FAILED'
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
)
-- the totals: every failed run, then the parts the rates split them into
SELECT '#failed' AS part, NULL AS row_key, count(DISTINCT actor_hash) AS actors FROM failed_runs
UNION ALL
SELECT CASE WHEN recovered THEN '#recovered' ELSE '#not_recovered' END, NULL, count(DISTINCT actor_hash)
FROM failed_runs GROUP BY recovered
UNION ALL
SELECT CASE WHEN ci_detected THEN '#ci' ELSE '#not_ci' END, NULL, count(DISTINCT actor_hash)
FROM failed_runs GROUP BY ci_detected
UNION ALL
-- each fix path: the actors of the failed runs it recovered, as error_fix_paths.sql counts its runs
SELECT 'fix_path', coalesce('v' || last_error_type, 'n') || chr(31) || coalesce('v' || recovery_fingerprint, 'n'),
       count(DISTINCT actor_hash)
FROM failed_runs WHERE recovered
GROUP BY last_error_type, recovery_fingerprint
