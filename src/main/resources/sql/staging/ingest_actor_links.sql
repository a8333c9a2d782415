-- Writes the identity links of one ingest run (SPEC §4.4): ids that $create_alias, $identify or
-- Segment alias/identify say are one person (TEMP ca_foreign, kind 'link', already hashed). A pair is
-- stored once, smaller hash first, whichever direction or run it came in; infer merges them.
-- Parameters: $1 run id.
INSERT INTO actor_links
WITH
-- each pair of the run
hashed AS (
    SELECT DISTINCT actor_hash AS a, linked_hash AS b
    FROM ca_foreign
    WHERE kind = 'link' AND actor_hash IS NOT NULL AND linked_hash IS NOT NULL
),
-- one orientation per pair; a link of an id to itself says nothing
pairs AS (
    SELECT DISTINCT least(a, b) AS actor_hash, greatest(a, b) AS linked_hash
    FROM hashed
    WHERE a <> b
)
-- pairs not stored yet, in either orientation
SELECT p.actor_hash, p.linked_hash, $1::INTEGER AS run_id
FROM pairs p
WHERE NOT EXISTS (SELECT 1 FROM actor_links l
                  WHERE (l.actor_hash = p.actor_hash AND l.linked_hash = p.linked_hash)
                     OR (l.actor_hash = p.linked_hash AND l.linked_hash = p.actor_hash))
