-- The sign_ins table as a first ingest stores it (ingest_sign_ins.sql): each call that said when an
-- anonymous id became a known actor (TEMP VIEW link_calls), once per (actor, anonymous id, instant).
SELECT DISTINCT actor_hash, linked_hash AS anon_hash, ts, CAST(1 AS INT) AS run_id
FROM link_calls
WHERE ts IS NOT NULL AND actor_hash <> linked_hash
