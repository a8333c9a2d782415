-- The tool names events carry, for --tool: matched case-insensitively, listed when none matches.
SELECT DISTINCT tool_name FROM events ORDER BY tool_name
