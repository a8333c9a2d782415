-- The actor_links table as a first ingest stores it (ingest_actor_links.sql): each pair of two ids
-- an alias or identify call said are one person (TEMP VIEW link_calls), once, smaller hash first.
SELECT DISTINCT low AS actor_hash, high AS linked_hash, CAST(1 AS INT) AS run_id
FROM link_calls
WHERE low <> high
