-- The fix paths of each error type: the fingerprints of the SUCCESS runs that recovered its FAILED
-- runs (the first later SUCCESS of the same workflow in the session, as infer's recovery), with
-- counts; the top 3 per error type, most runs first, ties by fingerprint.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow).
WITH
-- recovered failed runs in scope
recovered_runs AS (
    SELECT workflow_run_id, session_id, workflow_name, last_error_type
    FROM workflow_runs
    WHERE outcome = 'FAILED' AND recovered
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
),
-- the SUCCESS runs of those sessions only (a semi join on the session id first: most sessions
-- have no recovery, so the fingerprints of their runs are never read)
successes AS (
    SELECT workflow_run_id, session_id, workflow_name, fingerprint
    FROM workflow_runs
    WHERE outcome = 'SUCCESS' AND session_id IN (SELECT session_id FROM recovered_runs)
),
-- the run that recovered each one
fixes AS (
    SELECT f.workflow_run_id, f.last_error_type, arg_min(s.fingerprint, s.workflow_run_id) AS fix_path
    FROM recovered_runs AS f
    JOIN successes AS s
      ON s.session_id = f.session_id AND s.workflow_name = f.workflow_name
     AND s.workflow_run_id > f.workflow_run_id
    GROUP BY f.workflow_run_id, f.last_error_type
),
-- runs per (error type, fix path), ranked within the error type
ranked AS (
    SELECT last_error_type AS error_type, fix_path, count(*) AS runs,
           row_number() OVER (PARTITION BY last_error_type ORDER BY count(*) DESC, fix_path) AS rank
    FROM fixes
    GROUP BY last_error_type, fix_path
)
SELECT error_type, rank, fix_path, runs FROM ranked WHERE rank <= 3
ORDER BY error_type NULLS LAST, rank
