-- One row per (raw actor, machine) pair of events, with the stitched actor and a dense integer key
-- per (stitched actor, machine) in that order. Window functions partition by this key: an integer
-- partition key is much faster than two hex strings (PERFORMANCE.md) and cannot collide.
WITH
-- the pairs as stored
raw_pairs AS (
    SELECT DISTINCT actor_hash, machine_hash FROM events
),
-- the stitched actor of each pair (int_actor_identity)
stitched AS (
    SELECT r.actor_hash AS raw_actor_hash,
           coalesce(i.canonical_hash, r.actor_hash) AS actor_hash,
           r.machine_hash
    FROM raw_pairs AS r
    LEFT JOIN int_actor_identity AS i ON i.actor_hash = r.actor_hash
)
-- pairs of one person on one machine share a key; keys follow (actor, machine) order
SELECT raw_actor_hash, actor_hash, machine_hash,
       dense_rank() OVER (ORDER BY actor_hash, machine_hash) AS pair_key
FROM stitched
