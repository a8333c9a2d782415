-- The fix paths of each error type: the fingerprints of the SUCCESS runs that recovered its FAILED
-- runs (the first later SUCCESS of the same workflow in the session, whose fingerprint infer stores
-- on the failed run as recovery_fingerprint), with counts; the top 3 per error type, most runs
-- first, ties by fingerprint.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name (null: every workflow).
WITH
-- recovered failed runs in scope, with the fingerprint of the run that recovered each
recovered_runs AS (
    SELECT last_error_type, recovery_fingerprint
    FROM workflow_runs
    WHERE outcome = 'FAILED' AND recovered
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
      AND ($5::VARCHAR IS NULL OR workflow_name = $5::VARCHAR)
),
-- runs per (error type, fix path), ranked within the error type
ranked AS (
    SELECT last_error_type AS error_type, recovery_fingerprint AS fix_path, count(*) AS runs,
           row_number() OVER (PARTITION BY last_error_type ORDER BY count(*) DESC, recovery_fingerprint) AS rank
    FROM recovered_runs
    GROUP BY last_error_type, recovery_fingerprint
)
SELECT error_type, rank, fix_path, runs FROM ranked WHERE rank <= 3
ORDER BY error_type NULLS LAST, rank
