-- Dense session and workflow run ids that follow (actor, machine, time): each (actor, machine) key
-- gets offsets, the counts of sessions and runs of the keys before it; an id is its offset plus the
-- session's number or the run's number within its key (int_steps). The first run of a key starts
-- with its first session, so the key's largest numbers are its counts.
WITH
-- sessions and runs per (actor, machine)
per_pair AS (
    SELECT pair_key, max(session_number) AS sessions, max(run_number_of(run_key)) AS runs
    FROM int_steps
    WHERE is_last_in_run
    GROUP BY pair_key
)
-- ids used by the keys before each key
SELECT pair_key,
       coalesce(sum(sessions) OVER earlier, 0)::BIGINT AS session_offset,
       coalesce(sum(runs) OVER earlier, 0)::BIGINT AS run_offset
FROM per_pair
WINDOW earlier AS (ORDER BY pair_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
