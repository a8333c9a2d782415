-- Dense session and workflow run ids that follow (actor, machine, time), as int_pair_offsets: each
-- (actor, machine) pair gets offsets, the counts of sessions and runs of the pairs before it; an id
-- is its offset plus the session's or run's number within its pair (TEMP VIEW steps). One row per
-- pair, so only this small window runs in one partition (Spark warns that it does).
WITH
-- sessions and runs per pair: their largest numbers
per_pair AS (
    SELECT actor_hash, machine_hash, max(session_number) AS sessions, max(run_number) AS runs
    FROM steps
    GROUP BY actor_hash, machine_hash
)
-- ids used by the pairs before each pair
SELECT actor_hash, machine_hash,
       CAST(coalesce(sum(sessions) OVER earlier, 0) AS BIGINT) AS session_offset,
       CAST(coalesce(sum(runs) OVER earlier, 0) AS BIGINT) AS run_offset
FROM per_pair
WINDOW earlier AS (ORDER BY actor_hash, machine_hash ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
