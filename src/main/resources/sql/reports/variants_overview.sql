-- Every workflow's number of variants and its most frequent one (ties by variant), by runs.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 collapse retries (read through variant_runs,
-- defined by variant_runs.sql).
WITH
-- runs per workflow and variant
counts AS (
    SELECT workflow_name, variant, count(*) AS runs
    FROM variant_runs($1, $2, $3, $4, NULL, $5)
    GROUP BY workflow_name, variant
)
-- per workflow: runs, variants, and the top variant with its runs
SELECT workflow_name, sum(runs)::BIGINT AS runs, count(*) AS variants,
       arg_max(variant, (runs, -rank_key)) AS top_fingerprint, max(runs) AS top_runs
FROM (SELECT *, dense_rank() OVER (PARTITION BY workflow_name ORDER BY variant) AS rank_key FROM counts)
GROUP BY workflow_name
ORDER BY runs DESC, workflow_name ASC
