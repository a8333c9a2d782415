-- One row per session (SPEC §5.1), from its workflow runs: a session is a whole number of runs.
WITH
-- per session: its first run says why it started, its hint and CI flag; its last run its end
per_session AS (
    SELECT session_id,
           any_value(pair_key) AS pair_key,
           arg_min(split_reason, workflow_run_id) AS split_reason,
           arg_min_null(session_hint_hash, workflow_run_id) AS session_hint_hash,
           arg_min(ci_detected, workflow_run_id) AS ci_detected,
           min(started_at) AS started_at,
           arg_max(ended_at, workflow_run_id) AS ended_at,
           sum(step_count) AS event_count,
           count(*) AS workflow_run_count,
           min(tool_name) AS first_tool,
           max(tool_name) AS last_tool
    FROM int_runs
    GROUP BY session_id
),
-- the sorted tools of the few sessions that used more than one
multi_tool AS (
    SELECT r.session_id, list(DISTINCT r.tool_name ORDER BY r.tool_name) AS tools
    FROM int_runs AS r
    SEMI JOIN per_session AS s ON s.session_id = r.session_id AND s.first_tool <> s.last_tool
    GROUP BY r.session_id
),
-- the stitched actor and the machine of each (actor, machine) key
pairs AS (
    SELECT DISTINCT pair_key, actor_hash, machine_hash FROM int_actor_machines
)
SELECT s.session_id, p.actor_hash, p.machine_hash, s.session_hint_hash, s.ci_detected, s.split_reason,
       s.started_at, s.ended_at, s.event_count, s.workflow_run_count,
       coalesce(m.tools, [s.first_tool]) AS tools
FROM per_session AS s
JOIN pairs AS p USING (pair_key)
LEFT JOIN multi_tool AS m USING (session_id)
