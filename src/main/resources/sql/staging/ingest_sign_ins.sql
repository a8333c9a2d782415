-- Writes the sign-ins of one ingest run (specification §4.4, §5.1): each alias or identify call
-- that said when an anonymous id became a known actor (TEMP ca_foreign, kind 'link', ids already
-- hashed), once per (actor, anonymous id, instant), whichever run brought it.
-- Parameters: $1 run id.
INSERT INTO sign_ins
WITH
-- the run's sign-ins with an instant; a link of an id to itself says nothing
calls AS (
    SELECT DISTINCT actor_hash, linked_hash AS anon_hash, CAST("timestamp" AS TIMESTAMPTZ) AS ts
    FROM ca_foreign
    WHERE kind = 'link' AND actor_hash IS NOT NULL AND linked_hash IS NOT NULL AND "timestamp" IS NOT NULL
      AND actor_hash <> linked_hash
)
-- those not stored yet
SELECT c.actor_hash, c.anon_hash, c.ts, $1::INTEGER AS run_id
FROM calls AS c
ANTI JOIN sign_ins AS s ON s.actor_hash = c.actor_hash AND s.anon_hash = c.anon_hash AND s.ts = c.ts
