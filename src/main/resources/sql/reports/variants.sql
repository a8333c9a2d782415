-- One workflow's variants (distinct step sequences), most frequent first, ties by variant: the
-- first $7 ranked, the rest as one row with a null rank (the 'other' row).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name, $6 collapse retries, $7 how many
-- (read through variant_runs, defined by variant_runs.sql).
WITH
-- the runs in scope with their variant
runs AS (
    SELECT variant, outcome, duration_ms FROM variant_runs($1, $2, $3, $4, $5, $6)
),
-- every variant's rank by runs
ranked AS (
    SELECT variant, row_number() OVER (ORDER BY count(*) DESC, variant ASC) AS rank
    FROM runs
    GROUP BY variant
)
-- runs, successes and the median duration of successes (floored) per shown variant and for the rest
SELECT CASE WHEN k.rank <= $7 THEN k.rank END AS rank,
       CASE WHEN k.rank <= $7 THEN r.variant END AS fingerprint,
       count(DISTINCT r.variant) AS variants,
       count(*) AS runs,
       count(*) FILTER (WHERE r.outcome = 'SUCCESS') AS success_count,
       floor(median(r.duration_ms) FILTER (WHERE r.outcome = 'SUCCESS'))::BIGINT AS median_duration_ms
FROM runs AS r
JOIN ranked AS k USING (variant)
GROUP BY ALL
ORDER BY rank ASC NULLS LAST
