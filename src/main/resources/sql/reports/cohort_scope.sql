-- `--min-cohort`: the distinct (stitched) actors behind a report's whole scope, as summary_totals counts them.
-- $1 tool, $2 since, $3 until (null = no bound), $4 exclude CI.
WITH
-- sessions in scope: started in the window, used the tool, CI as asked
scoped_sessions AS (
    SELECT actor_hash
    FROM sessions
    WHERE ($1::VARCHAR IS NULL OR list_contains(tools, $1::VARCHAR))
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
)
SELECT count(DISTINCT actor_hash) AS actors FROM scoped_sessions
