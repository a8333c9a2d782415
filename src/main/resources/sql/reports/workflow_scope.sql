-- The runs of one workflow in the report's scope, as a table macro the workflow_*.sql queries read
-- (created once per connection before them; temporary, so it also works on a read-only database).
-- Called as workflow_runs_in_scope($1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name).
CREATE OR REPLACE TEMP MACRO workflow_runs_in_scope(p_tool, p_since, p_until, p_exclude_ci, p_name) AS TABLE
    SELECT *
    FROM workflow_runs
    WHERE workflow_name = p_name
      AND (p_tool::VARCHAR IS NULL OR tool_name = p_tool::VARCHAR)
      AND (p_since::TIMESTAMPTZ IS NULL OR started_at >= p_since::TIMESTAMPTZ)
      AND (p_until::TIMESTAMPTZ IS NULL OR started_at < p_until::TIMESTAMPTZ)
      AND NOT (p_exclude_ci::BOOLEAN AND ci_detected)
