-- The funnel_drop_off_commands table (docs/funnels.md; funnel_drop_off_commands.sql): for each
-- attempt that did not complete (TEMP VIEW attempts_written), the commands its actor ran after the
-- last step reached, within the funnel's window from that moment; each command path once per attempt.
WITH
open_ends AS (
    SELECT a.funnel, a.attempt_id, a.actor_hash,
           unix_micros(element_at(a.step_times, a.steps_reached)) AS from_us,
           unix_micros(element_at(a.step_times, a.steps_reached)) + f.window_ms * 1000 AS until_us
    FROM attempts_written AS a
    JOIN infer_funnels AS f ON f.funnel = a.funnel
    WHERE a.outcome <> 'completed'
),
-- the command events of those actors (stitched), as joined words
commands AS (
    SELECT coalesce(i.canonical_hash, e.actor_hash) AS actor_hash, unix_micros(e.ts) AS ts_us,
           array_join(e.command_path, ' ') AS command
    FROM events AS e
    LEFT JOIN identity AS i ON i.actor_hash = e.actor_hash
    WHERE coalesce(i.canonical_hash, e.actor_hash) IN (SELECT actor_hash FROM open_ends)
)
SELECT DISTINCT o.funnel, o.attempt_id, c.command
FROM open_ends AS o
JOIN commands AS c ON c.actor_hash = o.actor_hash AND c.ts_us > o.from_us AND c.ts_us <= o.until_us
