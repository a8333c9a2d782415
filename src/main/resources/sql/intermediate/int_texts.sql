-- One row per distinct text the window passes carry as a 64-bit key instead (they sort integers much
-- faster than strings): the tool versions and the error texts of the events. int_runs and
-- workflow_step_rows spell them out. Both kinds share the table: a key (text_key) is a function of
-- the text alone, whatever it is the text of.
SELECT text_key(text) AS text_key, any_value(text) AS text
FROM (SELECT tool_version AS text FROM events UNION ALL SELECT error_type FROM events WHERE error_type IS NOT NULL)
GROUP BY text_key(text)
