-- Counts of SPEC §6.1 over the events, sessions and workflow runs the filters keep, as one row.
-- Shared: infer stores it unfiltered in summary_totals; reports run it when a filter is given.
-- $1 tool, $2 since, $3 until (null = no bound), $4 exclude CI.
WITH
-- events in scope: their own tool, timestamp and CI flag decide
scoped_events AS (
    SELECT ts, tool_name, ci_detected
    FROM events
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR ts >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR ts < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- event counts, tools, time range and CI share
event_totals AS (
    SELECT count(*) AS events, count(DISTINCT tool_name) AS tools, min(ts) AS first_event_at,
           max(ts) AS last_event_at, count(*) FILTER (WHERE ci_detected) AS ci_events
    FROM scoped_events
),
-- sessions in scope: started in the window, used the tool, CI as asked
scoped_sessions AS (
    SELECT actor_hash, machine_hash
    FROM sessions
    WHERE ($1::VARCHAR IS NULL OR list_contains(tools, $1::VARCHAR))
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- sessions, and the (stitched) actors and machines behind them
session_totals AS (
    SELECT count(*) AS sessions, count(DISTINCT actor_hash) AS actors, count(DISTINCT machine_hash) AS machines
    FROM scoped_sessions
),
-- workflow runs in scope: started in the window, of the tool, CI as asked
scoped_runs AS (
    SELECT outcome, recovered, time_to_recover_ms
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- outcome totals and recovery (SPEC §5.3)
run_totals AS (
    SELECT count(*) AS workflow_runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_runs,
           count(*) FILTER (WHERE outcome = 'FAILED') AS failed_runs,
           count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned_runs,
           count(*) FILTER (WHERE outcome = 'IN_PROGRESS') AS in_progress_runs,
           count(*) FILTER (WHERE outcome = 'FAILED' AND recovered) AS recovered_runs,
           floor(median(time_to_recover_ms) FILTER (WHERE outcome = 'FAILED' AND recovered))::BIGINT
               AS median_time_to_recover_ms
    FROM scoped_runs
)
SELECT * FROM event_totals, session_totals, run_totals
