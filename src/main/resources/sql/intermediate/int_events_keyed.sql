-- Every event reduced to the integer columns that sessionization and run splitting need: the
-- (actor, machine) key, the ordering keys, its end, and hashed hint and tool for comparisons.
-- Narrow on purpose: the window pass that follows sorts these rows, and its cost grows with width.
WITH
-- the (actor, machine) key of each event, after identity stitching
keyed AS (
    SELECT p.pair_key, e.*
    FROM events AS e
    JOIN int_actor_machines AS p ON p.raw_actor_hash = e.actor_hash AND p.machine_hash = e.machine_hash
)
-- ordering keys, end (a missing duration counts 0), comparison keys, step roles
SELECT k.pair_key, k.ingest_seq, k.ts, k.sequence,
       k.ts + to_milliseconds(coalesce(k.duration_ms, 0)) AS ended_at,
       hash(k.session_hint_hash) AS hint_key,
       k.ci_detected,
       hash(k.tool_name) AS tool_key,
       s.step_key,
       s.is_entry,
       s.is_terminal AND k.exit_code IS NOT NULL AS closes_run
FROM keyed AS k
JOIN int_step_names AS s ON s.step_key = hash(k.tool_name, k.command_path, k.flags_present)
