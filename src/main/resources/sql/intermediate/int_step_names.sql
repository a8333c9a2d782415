-- One row per distinct step (tool, command path, flags), with its names and roles. Built once per
-- distinct step rather than once per event: string work on millions of events is the slow part.
-- step_key is a 64-bit hash of the three values (a collision among a few thousand steps is
-- astronomically unlikely); step_id numbers the steps densely from 1, so that three of them pack
-- into one 64-bit triple key (pack_triple): 21 bits each, hence at most max_step_id() = 2,097,151 distinct steps.
WITH
-- the distinct steps
distinct_steps AS (
    SELECT hash(tool_name, command_path, flags_present) AS step_key,
           any_value(tool_name) AS tool_name,
           any_value(command_path) AS command_path,
           any_value(flags_present) AS flags_present
    FROM events
    GROUP BY step_key
),
-- names as the fingerprint shows them: tool/sub/cmd, plus [flags] sorted when there are any
display_names AS (
    SELECT step_key, tool_name, command_path[-1] AS leaf,
           array_to_string(command_path, '/') AS step,
           array_to_string(command_path, '/')
               || CASE WHEN len(flags_present) > 0
                       THEN '[' || array_to_string(list_sort(flags_present), ',') || ']' ELSE '' END AS step_with_flags
    FROM distinct_steps
)
-- the leaf command (last element of the path) decides entry and terminal (infer settings); the
-- tool and the leaf get dense ids too (the window pass and the runs compare integers; tool ids
-- sort like the names)
SELECT n.*,
       CASE WHEN count(*) OVER () <= max_step_id() THEN row_number() OVER (ORDER BY n.step_key)
            ELSE error('infer supports at most 2,097,151 distinct steps (tool, command path, flags)') END::INTEGER AS step_id,
       dense_rank() OVER (ORDER BY n.tool_name)::INTEGER AS tool_id,
       dense_rank() OVER (ORDER BY n.leaf)::INTEGER AS leaf_id,
       n.leaf IN (SELECT command FROM infer_entry_commands) AS is_entry,
       n.leaf IN (SELECT command FROM infer_terminal_commands) AS is_terminal
FROM display_names AS n
