-- One row per session (SPEC §5.1), from its workflow runs: a session is a whole number of runs.
-- Its first run says why it started, its hint and CI flag; its last run says where it ended and
-- how many events and runs it holds. Joining the two is cheaper than aggregating all runs.
WITH
-- the first run of each session
firsts AS (
    SELECT session_id, pair_key, workflow_run_id AS first_run_id, split_reason, session_hint_hash,
           ci_detected, started_at
    FROM int_runs
    WHERE split_reason IS NOT NULL
),
-- the last run of each session
lasts AS (
    SELECT session_id, workflow_run_id AS last_run_id, ended_at, session_event_count AS event_count
    FROM int_runs
    WHERE is_last_in_session
),
-- the distinct tools of each session, sorted: one list per session that used several
tool_range AS (
    SELECT session_id, min(tool_name) AS first_tool, max(tool_name) AS last_tool
    FROM int_runs
    GROUP BY session_id
),
multi_tool AS (
    SELECT r.session_id, list(DISTINCT r.tool_name ORDER BY r.tool_name) AS tools
    FROM int_runs AS r
    SEMI JOIN tool_range AS t ON t.session_id = r.session_id AND t.first_tool <> t.last_tool
    GROUP BY r.session_id
),
-- the stitched actor and the machine of each (actor, machine) key
pairs AS (
    SELECT DISTINCT pair_key, actor_hash, machine_hash FROM int_actor_machines
)
SELECT f.session_id, p.actor_hash, p.machine_hash, f.session_hint_hash, f.ci_detected, f.split_reason,
       f.started_at, l.ended_at, l.event_count, l.last_run_id - f.first_run_id + 1 AS workflow_run_count,
       coalesce(m.tools, [t.first_tool]) AS tools
FROM firsts AS f
JOIN lasts AS l USING (session_id)
JOIN tool_range AS t USING (session_id)
JOIN pairs AS p USING (pair_key)
LEFT JOIN multi_tool AS m USING (session_id)
