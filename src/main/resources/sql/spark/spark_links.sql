-- The alias and identify calls of the input (TEMP VIEW staged, kind 'link': both ids hashed), as
-- stg_links.sql for a first run: a call is fresh when it is the first, in ingest order, to bring its
-- pair of ids (either orientation) or its sign-in (the pair in its direction at its instant); any
-- other call repeats one and counts as a duplicate. SparkJob keeps it as TEMP VIEW link_calls.
WITH
-- the calls, numbered in ingest order; the instant as the reader normalised it
calls AS (
    SELECT file_index, line_no, index_in_line, actor_hash, linked_hash, CAST(link_ts AS TIMESTAMP) AS ts,
           least(actor_hash, linked_hash) AS low, greatest(actor_hash, linked_hash) AS high,
           row_number() OVER (ORDER BY file_index, line_no, index_in_line) AS n
    FROM staged
    WHERE kind = 'link' AND actor_hash IS NOT NULL AND linked_hash IS NOT NULL
),
-- the first call of each pair of two ids
new_pairs AS (
    SELECT min(n) AS n FROM calls WHERE low <> high GROUP BY low, high
),
-- the first call of each sign-in
new_sign_ins AS (
    SELECT min(n) AS n FROM calls WHERE ts IS NOT NULL AND actor_hash <> linked_hash GROUP BY actor_hash, linked_hash, ts
)
SELECT c.file_index, c.line_no, c.index_in_line, c.actor_hash, c.linked_hash, c.ts, c.low, c.high,
       c.n IN (SELECT n FROM new_pairs UNION ALL SELECT n FROM new_sign_ins) AS fresh
FROM calls AS c
