-- One row per (raw actor, raw machine) pair of the events and period, with the stitched actor and the
-- machine the events of that period count on, as int_actor_machines.sql (specification §5.1), from
-- TEMP VIEWs events, sign_ins_written and identity (spark/Identity: each linked hash and the smallest
-- hash of its group). A pair whose machine is its actor (a PostHog event without a device id) is cut
-- at each sign-in of that actor: from then on its events count on the anonymous id that signed in.
-- Bounds are NULL where infer's are -infinity and infinity. SparkJob keeps it as TEMP VIEW actor_machines.
WITH
raw_pairs AS (
    SELECT DISTINCT actor_hash, machine_hash FROM events
),
-- the sign-ins of actors that have events without a machine of their own, in time order; of two at
-- one instant the larger anonymous hash wins (the other's period is empty)
signed_in AS (
    SELECT s.actor_hash, s.anon_hash, s.ts,
           lead(s.ts) OVER (PARTITION BY s.actor_hash ORDER BY s.ts, s.anon_hash) AS next_ts,
           row_number() OVER (PARTITION BY s.actor_hash ORDER BY s.ts, s.anon_hash) AS n
    FROM sign_ins_written AS s
    LEFT SEMI JOIN raw_pairs AS r ON r.actor_hash = s.actor_hash AND r.machine_hash = s.actor_hash
),
-- the periods of each pair and the machine of each: before the first sign-in the pair's own
-- machine, then each sign-in's anonymous id until the next
periods AS (
    SELECT r.actor_hash, r.machine_hash AS raw_machine_hash, r.machine_hash,
           CAST(NULL AS TIMESTAMP) AS valid_from, s.ts AS valid_until
    FROM raw_pairs AS r
    LEFT JOIN signed_in AS s ON s.actor_hash = r.actor_hash AND r.machine_hash = r.actor_hash AND s.n = 1
    UNION ALL
    SELECT s.actor_hash, s.actor_hash, s.anon_hash, s.ts, s.next_ts
    FROM signed_in AS s
)
-- the stitched actor of each pair
SELECT p.actor_hash AS raw_actor_hash, p.raw_machine_hash, p.valid_from, p.valid_until,
       coalesce(i.canonical_hash, p.actor_hash) AS actor_hash, p.machine_hash
FROM periods AS p
LEFT JOIN identity AS i ON i.actor_hash = p.actor_hash
