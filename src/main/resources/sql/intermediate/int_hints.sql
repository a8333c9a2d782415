-- One row per distinct session hint of the events, with the 64-bit key int_steps carries instead
-- of the text (the window passes sort integers much faster than strings); sessions spells it
-- out. Events without a hint have none here: their key finds no row.
SELECT text_key(session_hint_hash) AS hint_key, any_value(session_hint_hash) AS session_hint_hash
FROM events
WHERE session_hint_hash IS NOT NULL
GROUP BY text_key(session_hint_hash)
