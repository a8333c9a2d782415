-- One row per distinct tool version and error text of the events, with the 64-bit key int_steps
-- carries instead of the text (the window passes sort integers much faster than strings);
-- int_runs and workflow_step_rows spell them out. The two kinds share the table: a key is a
-- hash of the text alone.
SELECT hash(text) AS text_key, any_value(text) AS text
FROM (SELECT tool_version AS text FROM events UNION ALL SELECT error_type FROM events WHERE error_type IS NOT NULL)
GROUP BY text_key
