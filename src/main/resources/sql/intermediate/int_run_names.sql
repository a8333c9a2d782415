-- The name of a run (SPEC §5.2) for every (tool, terminal leaf) a run can end up with, once per
-- pair rather than once per run: a custom name for (tool, leaf) from the settings (the tool
-- compared case-insensitively), else <leaf>_workflow, else <tool>_workflow when the run has no
-- terminal command (leaf id 0). name_id numbers the distinct names (recoveries compare names).
WITH
-- the tools and the terminal leaves of the steps, and "no terminal command"
tools AS (
    SELECT DISTINCT tool_id, tool_name FROM int_step_names
),
leaves AS (
    SELECT DISTINCT leaf_id, leaf FROM int_step_names WHERE is_terminal
    UNION ALL
    SELECT 0, NULL
),
-- every combination, named
names_by_tool_and_leaf AS (
    SELECT t.tool_id, l.leaf_id, t.tool_name,
           coalesce(w.workflow_name, l.leaf || '_workflow', t.tool_name || '_workflow') AS workflow_name
    FROM tools AS t
    CROSS JOIN leaves AS l
    LEFT JOIN infer_workflow_names AS w ON lower(w.tool_name) = lower(t.tool_name) AND w.terminal = l.leaf
)
SELECT tool_id, leaf_id, tool_name, workflow_name, dense_rank() OVER (ORDER BY workflow_name)::INTEGER AS name_id
FROM names_by_tool_and_leaf
