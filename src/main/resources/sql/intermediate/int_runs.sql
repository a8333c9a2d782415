-- One row per workflow run with what its steps say (SPEC §5.2): first and last event, step count,
-- fingerprint, and its name. Outcomes need the neighbouring runs and are decided in the mart.
WITH
-- steps with their names and roles
steps AS (
    SELECT s.*, n.tool_name, n.leaf, n.step_with_flags, n.is_terminal
    FROM int_steps AS s
    JOIN int_step_names AS n USING (step_key)
),
-- per run: first event (tool, version, why its session split), last event, and all steps
aggregated AS (
    SELECT workflow_run_id,
           any_value(session_id) AS session_id,
           any_value(pair_key) AS pair_key,
           arg_min(tool_name, position) AS tool_name,
           arg_min_null(tool_version, position) AS tool_version,
           arg_min_null(split_reason, position) AS split_reason,
           arg_min_null(session_hint_hash, position) AS session_hint_hash,
           arg_min(ci_detected, position) AS ci_detected,
           min(ts) AS started_at,
           arg_max(ended_at, position) AS ended_at,
           count(*)::INTEGER AS step_count,
           arg_max(is_terminal, position) AS last_is_terminal,
           arg_max_null(exit_code, position) AS last_exit_code,
           arg_max_null(error_type, position) AS last_error_type,
           list({'position': position, 'step': step_with_flags}) AS steps
    FROM steps
    GROUP BY workflow_run_id
),
-- how often each terminal leaf occurs in a run, and where first
terminal_leaves AS (
    SELECT workflow_run_id, leaf, count(*) AS occurrences, min(position) AS first_position
    FROM steps
    WHERE is_terminal
    GROUP BY workflow_run_id, leaf
),
-- the run's terminal leaf: the most frequent, ties to the one seen first
chosen_leaf AS (
    SELECT workflow_run_id, arg_max(leaf, {'occurrences': occurrences, 'earlier': -first_position}) AS leaf
    FROM terminal_leaves
    GROUP BY workflow_run_id
)
-- the name: a custom name for (tool, leaf) from the settings, else <leaf>_workflow, else
-- <tool>_workflow when the run has no terminal command; the fingerprint: steps in order
SELECT a.* EXCLUDE (steps),
       coalesce(w.workflow_name, c.leaf || '_workflow', a.tool_name || '_workflow') AS workflow_name,
       array_to_string(list_transform(list_sort(a.steps), s -> s.step), ' -> ') AS fingerprint
FROM aggregated AS a
LEFT JOIN chosen_leaf AS c USING (workflow_run_id)
LEFT JOIN infer_workflow_names AS w ON lower(w.tool_name) = lower(a.tool_name) AND w.terminal = c.leaf
