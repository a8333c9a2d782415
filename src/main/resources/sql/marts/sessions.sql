-- One row per session (SPEC §5.1): a session is a whole number of runs; its first run carries the
-- reason it started (int_steps), its last run its end and hint (int_steps keeps the hint on the
-- last event of a session only). Written a slice of (actor, machine) pairs at a time (in_slice).
WITH
-- the last run of each session
last_runs AS (
    SELECT r.session_id, r.pair_key, h.session_hint_hash, r.ci_detected, r.ended_at
    FROM (SELECT * FROM int_runs WHERE in_slice(pair_key)) AS r
    LEFT JOIN int_hints AS h USING (hint_key)
    WHERE r.is_last_in_session
),
-- runs, events, start, reason (only the first run has a code) and tools per session: one sorted
-- list per session that used several tools
per_session AS (
    SELECT session_id, count(*) AS workflow_run_count, sum(step_count) AS event_count,
           min(started_at) AS started_at,
           split_reason(max(run_split_code)) AS split_reason,
           min(tool_id) AS first_tool_id, max(tool_id) AS last_tool_id
    FROM (SELECT * FROM int_runs WHERE in_slice(pair_key))
    GROUP BY session_id
),
-- tool names by id (ids sort like the names)
tools AS (
    SELECT DISTINCT tool_id, tool_name FROM int_step_names
),
multi_tool AS (
    SELECT r.session_id, list(DISTINCT t.tool_name ORDER BY t.tool_name) AS tools
    FROM (SELECT * FROM int_runs WHERE in_slice(pair_key)) AS r
    JOIN tools AS t USING (tool_id)
    SEMI JOIN (SELECT session_id FROM per_session WHERE first_tool_id <> last_tool_id) AS m USING (session_id)
    GROUP BY r.session_id
),
-- the stitched actor and the machine of each (actor, machine) key
pairs AS (
    SELECT DISTINCT pair_key, actor_hash, machine_hash FROM int_actor_machines WHERE in_slice(pair_key)
)
SELECT l.session_id, p.actor_hash, p.machine_hash, l.session_hint_hash, l.ci_detected, s.split_reason,
       s.started_at, l.ended_at, s.event_count::BIGINT AS event_count, s.workflow_run_count,
       coalesce(m.tools, [t.tool_name]) AS tools
FROM last_runs AS l
JOIN per_session AS s USING (session_id)
JOIN tools AS t ON t.tool_id = s.first_tool_id
JOIN pairs AS p USING (pair_key)
LEFT JOIN multi_tool AS m USING (session_id)
