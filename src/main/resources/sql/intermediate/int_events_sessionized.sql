-- The first window pass over each (actor, machine)'s events in order (SPEC §5.1): timestamp, then
-- sequence (events without one after those with one), then ingest order. Marks where a session
-- starts, and why, and where a workflow run starts (SPEC §5.2); the second pass (int_steps) numbers
-- them and, from the next event's marks, tells the last event of each session and run. A TEMP
-- view: int_steps reads it in the same query, so these rows are never written out. Both passes
-- sort every event with its payload, so the payload is narrow and has no strings: dense integer
-- ids for the step and tool, the tool version, error text and session hint as 64-bit keys
-- (int_texts and int_hints spell them out).
WITH
-- every event with the (actor, machine) key after identity stitching, ordering keys, its end
-- (event_end_us), the key of its hint (text_key: no hint is a key of its own, so a hint that appears
-- or disappears splits a session), its step and tool ids and the step's roles
event_keys AS (
    SELECT p.pair_key::INTEGER AS pair_key, e.ingest_seq, e.ts, e.sequence,
           event_end_us(e.ts, e.duration_ms) AS ended_us,
           text_key(e.session_hint_hash) AS hint_key,
           e.ci_detected,
           s.tool_id,
           s.step_id,
           s.is_entry,
           s.is_terminal AND e.exit_code IS NOT NULL AS closes_run,
           e.exit_code, e.duration_ms, text_key(e.tool_version) AS version_key,
           CASE WHEN e.error_type IS NOT NULL THEN text_key(e.error_type) END AS error_key
    FROM events AS e
    JOIN int_actor_machines AS p ON p.raw_actor_hash = e.actor_hash AND p.raw_machine_hash = e.machine_hash
                                AND e.ts >= p.valid_from AND e.ts < p.valid_until
    JOIN int_step_names AS s ON s.step_key = hash(e.tool_name, e.command_path, e.flags_present)
),
-- each event beside the previous event of the same actor and machine, and the step two events
-- back (n-grams)
ordered AS (
    SELECT pair_key, ingest_seq, ts, hint_key, ci_detected, tool_id, step_id, is_entry, closes_run,
           exit_code, duration_ms, version_key, error_key,
           row_number() OVER by_actor_machine AS event_number,
           lag({'ended_us': ended_us, 'hint_key': hint_key, 'ci_detected': ci_detected,
                'tool_id': tool_id, 'closes_run': closes_run, 'step_id': step_id}) OVER by_actor_machine AS prev,
           lag(step_id, 2) OVER by_actor_machine AS prev2_step_id
    FROM event_keys
    WINDOW by_actor_machine AS (PARTITION BY pair_key ORDER BY ts, sequence NULLS LAST, ingest_seq)
),
-- a session starts, with a reason code (split_code_of; the sessions mart spells it out), at the
-- first event, after a gap longer than the timeout from the previous event's end, or when the hint
-- or the CI flag differs. All events of a session share its first event's hint and CI flag (any
-- other would have split it), so comparing with the previous event is comparing with the session's
-- first.
session_starts AS (
    SELECT o.*,
           CASE WHEN o.prev IS NULL THEN split_code_of('first')
                WHEN epoch_us(o.ts) - o.prev.ended_us > st.session_timeout_ms * 1000 THEN split_code_of('inactivity')
                WHEN o.hint_key <> o.prev.hint_key THEN split_code_of('hint_change')
                WHEN o.ci_detected <> o.prev.ci_detected THEN split_code_of('ci_change')
           END AS split_code
    FROM ordered AS o
    CROSS JOIN infer_settings AS st
)
-- a run starts with a session, at an entry command, after a terminal command with a known exit
-- code, or when the tool changes (all events of a run share its tool, as with the hint above)
SELECT pair_key, ingest_seq, event_number, step_id, prev.step_id AS prev_step_id, prev2_step_id,
       split_code, ts, exit_code, duration_ms, version_key, error_key, hint_key, ci_detected, closes_run,
       prev.ended_us AS prev_ended_us,
       split_code IS NOT NULL OR is_entry OR prev.closes_run OR tool_id <> prev.tool_id AS starts_run
FROM session_starts
