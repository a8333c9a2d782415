-- What people did instead (docs/funnels.md): for each attempt that did not complete, the commands
-- its actor ran after the last step reached, within the funnel's window from that moment; each
-- command path once per attempt. Reads funnel_attempts, written just before in the same transaction.
WITH
-- the attempts that did not complete, with the interval to look in
open_ends AS (
    SELECT a.funnel, a.attempt_id, a.actor_hash,
           epoch_us(a.step_times[a.steps_reached]) AS from_us,
           epoch_us(a.step_times[a.steps_reached]) + f.window_ms * 1000 AS until_us
    FROM funnel_attempts AS a
    JOIN funnels AS f ON f.funnel = a.funnel
    WHERE a.outcome <> 'completed'
),
-- the command events of those actors (stitched), as joined words
commands AS (
    SELECT coalesce(i.canonical_hash, e.actor_hash) AS actor_hash, epoch_us(e.ts) AS ts_us,
           array_to_string(e.command_path, ' ') AS command
    FROM events AS e
    LEFT JOIN int_actor_identity AS i ON i.actor_hash = e.actor_hash
    WHERE coalesce(i.canonical_hash, e.actor_hash) IN (SELECT actor_hash FROM open_ends)
)
-- each command once per attempt, strictly after the last step and at most a window later
SELECT DISTINCT o.funnel, o.attempt_id, c.command
FROM open_ends AS o
JOIN commands AS c ON c.actor_hash = o.actor_hash AND c.ts_us > o.from_us AND c.ts_us <= o.until_us
