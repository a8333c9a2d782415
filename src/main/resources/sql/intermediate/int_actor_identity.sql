-- Identity stitching: actor hashes that actor_links connects, directly or through others, are one
-- person; every hash of a connected group maps to the group's smallest hash. Links count whenever
-- they arrived, so an alias ingested after the events still merges them. Hashes without links are
-- absent here and stand for themselves.
WITH RECURSIVE
-- links in both directions: an alias is symmetric
edges AS (
    SELECT actor_hash AS from_hash, linked_hash AS to_hash FROM actor_links
    UNION
    SELECT linked_hash, actor_hash FROM actor_links
),
-- every hash each linked hash can reach (UNION keeps each pair once, so cycles end)
reachable (from_hash, to_hash) AS (
    SELECT from_hash, from_hash FROM edges
    UNION
    SELECT r.from_hash, e.to_hash FROM reachable AS r JOIN edges AS e ON e.from_hash = r.to_hash
)
-- the canonical hash of a group is its smallest
SELECT from_hash AS actor_hash, min(to_hash) AS canonical_hash
FROM reachable
GROUP BY from_hash
