-- Every stored event holding a word of ca_take_back (word, token; a TEMP table) gets the token in its
-- place: in command_path after the tool name, and in flags_present. The lists are rebuilt in their
-- order from the touched events only.
UPDATE events
SET command_path = n.command_path, flags_present = coalesce(n.flags_present, events.flags_present)
FROM (
    WITH
    touched AS (
        SELECT DISTINCT event_key
        FROM (SELECT event_key, unnest(list_concat(command_path[2:], flags_present)) AS word FROM events) AS w
        JOIN ca_take_back USING (word)
    ),
    rows AS (
        SELECT event_key, command_path, flags_present FROM events SEMI JOIN touched USING (event_key)
    ),
    paths AS (
        SELECT p.event_key, list(CASE WHEN p.i > 1 THEN coalesce(t.token, p.word) ELSE p.word END ORDER BY p.i) AS command_path
        FROM (SELECT event_key, unnest(command_path) AS word, unnest(range(1, len(command_path) + 1)) AS i FROM rows) AS p
        LEFT JOIN ca_take_back AS t USING (word)
        GROUP BY p.event_key
    ),
    flags AS (
        SELECT f.event_key, list(coalesce(t.token, f.word) ORDER BY f.i) AS flags_present
        FROM (SELECT event_key, unnest(flags_present) AS word, unnest(range(1, len(flags_present) + 1)) AS i FROM rows) AS f
        LEFT JOIN ca_take_back AS t USING (word)
        GROUP BY f.event_key
    )
    SELECT p.event_key, p.command_path, f.flags_present
    FROM paths AS p
    LEFT JOIN flags AS f USING (event_key)
) AS n
WHERE events.event_key = n.event_key
