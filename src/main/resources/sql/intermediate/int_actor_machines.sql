-- One row per (raw actor, raw machine) pair of events and period, with the stitched actor, the
-- machine the events of that period count on, and a dense integer key per (stitched actor, machine)
-- in that order. Window functions partition by this key: an integer partition key is much faster
-- than two hex strings (PERFORMANCE.md) and cannot collide.
-- A pair whose machine is its actor (the event named no machine: PostHog without a device id) is
-- cut at each sign-in of that actor (sign_ins): from then on its events count on the anonymous id
-- that signed in, the device the person used before (specification §5.1), so a sign-in does not
-- split the session. Every other pair has one period without bounds.
WITH
-- the pairs as stored
raw_pairs AS (
    SELECT DISTINCT actor_hash, machine_hash FROM events
),
-- the sign-ins of actors that have events without a machine of their own, in time order; of two at
-- one instant the larger anonymous hash wins (the other's period is empty)
signed_in AS (
    SELECT s.actor_hash, s.anon_hash, s.ts,
           lead(s.ts) OVER (PARTITION BY s.actor_hash ORDER BY s.ts, s.anon_hash) AS next_ts,
           row_number() OVER (PARTITION BY s.actor_hash ORDER BY s.ts, s.anon_hash) AS n
    FROM sign_ins AS s
    SEMI JOIN raw_pairs AS r ON r.actor_hash = s.actor_hash AND r.machine_hash = s.actor_hash
),
-- the periods of each pair and the machine of each: before the first sign-in the pair's own
-- machine, then each sign-in's anonymous id until the next
periods AS (
    SELECT r.actor_hash, r.machine_hash AS raw_machine_hash, r.machine_hash,
           '-infinity'::TIMESTAMPTZ AS valid_from,
           coalesce(s.ts, 'infinity'::TIMESTAMPTZ) AS valid_until
    FROM raw_pairs AS r
    LEFT JOIN signed_in AS s ON s.actor_hash = r.actor_hash AND r.machine_hash = r.actor_hash AND s.n = 1
    UNION ALL
    SELECT s.actor_hash, s.actor_hash, s.anon_hash, s.ts, coalesce(s.next_ts, 'infinity'::TIMESTAMPTZ)
    FROM signed_in AS s
),
-- the stitched actor of each pair (int_actor_identity)
stitched AS (
    SELECT p.actor_hash AS raw_actor_hash,
           p.raw_machine_hash,
           p.valid_from,
           p.valid_until,
           coalesce(i.canonical_hash, p.actor_hash) AS actor_hash,
           p.machine_hash
    FROM periods AS p
    LEFT JOIN int_actor_identity AS i ON i.actor_hash = p.actor_hash
)
-- pairs of one person on one machine share a key; keys follow (actor, machine) order
SELECT raw_actor_hash, raw_machine_hash, valid_from, valid_until, actor_hash, machine_hash,
       dense_rank() OVER (ORDER BY actor_hash, machine_hash) AS pair_key
FROM stitched
