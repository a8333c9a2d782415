-- The attempts in the report's scope, as a table macro the funnel_*.sql queries read (created once
-- per connection before them; temporary, so it also works on a read-only database). Filters apply
-- to the attempt's start and its first step's event (tool, CI).
-- Called as funnel_attempts_in_scope($1 tool, $2 since, $3 until, $4 exclude CI, $5 funnel; null: all).
CREATE OR REPLACE TEMP MACRO funnel_attempts_in_scope(p_tool, p_since, p_until, p_exclude_ci, p_name) AS TABLE
    SELECT *
    FROM funnel_attempts
    WHERE (p_name::VARCHAR IS NULL OR funnel = p_name::VARCHAR)
      AND (p_tool::VARCHAR IS NULL OR tool_name = p_tool::VARCHAR)
      AND (p_since::TIMESTAMPTZ IS NULL OR started_at >= p_since::TIMESTAMPTZ)
      AND (p_until::TIMESTAMPTZ IS NULL OR started_at < p_until::TIMESTAMPTZ)
      AND NOT (p_exclude_ci::BOOLEAN AND ci_detected)
