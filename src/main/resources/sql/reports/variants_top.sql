-- Every workflow's most common variants at once (the HTML report's top workflows): the ranking of
-- variants.sql, per workflow, in one scan of the runs instead of one per workflow.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 variants per workflow (retries not collapsed;
-- read through variant_runs, defined by variant_runs.sql).
WITH
-- the runs in scope with their variant
runs AS (
    SELECT workflow_name, variant, outcome, duration_ms FROM variant_runs($1, $2, $3, $4, NULL, false)
),
-- runs, successes and the median duration of successes (floored) per workflow and variant
counted AS (
    SELECT workflow_name, variant, count(*) AS runs,
           count(*) FILTER (WHERE outcome = 'SUCCESS') AS success_count,
           floor(median(duration_ms) FILTER (WHERE outcome = 'SUCCESS'))::BIGINT AS median_duration_ms
    FROM runs
    GROUP BY workflow_name, variant
),
-- each variant's rank in its workflow (ties by variant, as variants.sql), with the workflow's totals
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY workflow_name ORDER BY runs DESC, variant ASC) AS rank,
           count(*) OVER (PARTITION BY workflow_name) AS variants,
           sum(runs) OVER (PARTITION BY workflow_name) AS total_runs
    FROM counted
)
SELECT workflow_name, rank, variant AS fingerprint, runs, success_count, median_duration_ms, variants, total_runs
FROM ranked
WHERE rank <= $5
ORDER BY workflow_name, rank
