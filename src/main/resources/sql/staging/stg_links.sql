-- The alias and identify calls of this run (TEMP ca_links, specification §4.2, §4.4): a call is
-- 'fresh' when it is the first, in ingest order, to bring something the database does not hold yet,
-- its pair of ids (actor_links, either orientation) or its sign-in (sign_ins: the pair in its
-- direction at its instant); any other call repeats what is stored and counts as a duplicate.
WITH
-- the calls as the readers gave them (TEMP ca_foreign, kind 'link'; ids already hashed), numbered in ingest order
calls AS (
    SELECT file_index, line_no, index_in_line, actor_hash, linked_hash,
        CAST("timestamp" AS TIMESTAMPTZ) AS ts,
        least(actor_hash, linked_hash) AS low, greatest(actor_hash, linked_hash) AS high,
        row_number() OVER (ORDER BY file_index, line_no, index_in_line) AS n
    FROM ca_foreign
    WHERE kind = 'link' AND actor_hash IS NOT NULL AND linked_hash IS NOT NULL
),
-- the first call of each pair that is not stored yet
new_pairs AS (
    SELECT min(c.n) AS n
    FROM calls AS c
    WHERE c.low <> c.high AND NOT EXISTS (SELECT 1 FROM actor_links AS l
                      WHERE (l.actor_hash = c.low AND l.linked_hash = c.high)
                         OR (l.actor_hash = c.high AND l.linked_hash = c.low))
    GROUP BY c.low, c.high
),
-- the first call of each sign-in that is not stored yet
new_sign_ins AS (
    SELECT min(c.n) AS n
    FROM calls AS c
    ANTI JOIN sign_ins AS s ON s.actor_hash = c.actor_hash AND s.anon_hash = c.linked_hash AND s.ts = c.ts
    WHERE c.ts IS NOT NULL AND c.actor_hash <> c.linked_hash
    GROUP BY c.actor_hash, c.linked_hash, c.ts
)
-- each call and whether it brings something new
SELECT c.file_index, c.line_no, c.index_in_line,
    c.n IN (SELECT n FROM new_pairs UNION ALL SELECT n FROM new_sign_ins) AS fresh
FROM calls AS c
