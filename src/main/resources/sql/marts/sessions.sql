-- One row per session (SPEC §5.1): a session is a whole number of runs, and its last run carries
-- what the session keeps of its first event (int_steps).
WITH
-- the last run of each session
lasts AS (
    SELECT session_id, pair_key, session_hint_hash, ci_detected,
           ['first', 'inactivity', 'hint_change', 'ci_change'][session_split_code] AS split_reason,
           session_started_at AS started_at, ended_at, session_event_count AS event_count
    FROM int_runs
    WHERE is_last_in_session
),
-- runs and tools per session: one sorted list per session that used several tools
per_session AS (
    SELECT session_id, count(*) AS workflow_run_count, min(tool_name) AS first_tool, max(tool_name) AS last_tool
    FROM int_runs
    GROUP BY session_id
),
multi_tool AS (
    SELECT r.session_id, list(DISTINCT r.tool_name ORDER BY r.tool_name) AS tools
    FROM int_runs AS r
    SEMI JOIN (SELECT session_id FROM per_session WHERE first_tool <> last_tool) AS m USING (session_id)
    GROUP BY r.session_id
),
-- the stitched actor and the machine of each (actor, machine) key
pairs AS (
    SELECT DISTINCT pair_key, actor_hash, machine_hash FROM int_actor_machines
)
SELECT l.session_id, p.actor_hash, p.machine_hash, l.session_hint_hash, l.ci_detected, l.split_reason,
       l.started_at, l.ended_at, l.event_count, s.workflow_run_count,
       coalesce(m.tools, [s.first_tool]) AS tools
FROM lasts AS l
JOIN per_session AS s USING (session_id)
JOIN pairs AS p USING (pair_key)
LEFT JOIN multi_tool AS m USING (session_id)
