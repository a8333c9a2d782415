-- `--min-cohort` of report variants: distinct actors behind each row (run only when K > 1).
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name or null for every workflow,
-- $6 collapse retries, $7 how many variants variants.sql shows (read through variant_runs).
-- Rows: ('variant', the variant), ('other', null: the variants past the first $7), ('all', null: the
-- workflow's runs); without a workflow: ('workflow', the name), ('top', the name: its top variant)
-- and, for the HTML report's variants of each workflow, ('wvariant', the name, U+001F and the
-- variant) for its first $7 and ('wother', the name) for the rest.
WITH
runs AS (
    SELECT workflow_name, variant, actor_hash FROM variant_runs($1, $2, $3, $4, $5, $6)
),
-- every variant's rank within its workflow, as variants.sql and variants_overview.sql rank them
ranked AS (
    SELECT workflow_name, variant,
           row_number() OVER (PARTITION BY workflow_name ORDER BY count(*) DESC, variant ASC) AS rank
    FROM runs
    GROUP BY workflow_name, variant
)
SELECT 'variant' AS part, 'v' || r.variant AS row_key, count(DISTINCT r.actor_hash) AS actors
FROM runs AS r JOIN ranked AS k USING (workflow_name, variant)
WHERE $5::VARCHAR IS NOT NULL AND k.rank <= $7
GROUP BY r.variant
UNION ALL
SELECT 'other', NULL, count(DISTINCT r.actor_hash)
FROM runs AS r JOIN ranked AS k USING (workflow_name, variant)
WHERE $5::VARCHAR IS NOT NULL AND k.rank > $7
UNION ALL
SELECT 'all', NULL, count(DISTINCT actor_hash) FROM runs WHERE $5::VARCHAR IS NOT NULL
UNION ALL
SELECT 'workflow', 'v' || workflow_name, count(DISTINCT actor_hash) FROM runs WHERE $5::VARCHAR IS NULL GROUP BY workflow_name
UNION ALL
SELECT 'top', 'v' || r.workflow_name, count(DISTINCT r.actor_hash)
FROM runs AS r JOIN ranked AS k USING (workflow_name, variant)
WHERE $5::VARCHAR IS NULL AND k.rank = 1
GROUP BY r.workflow_name
UNION ALL
SELECT 'wvariant', 'v' || r.workflow_name || chr(31) || 'v' || r.variant, count(DISTINCT r.actor_hash)
FROM runs AS r JOIN ranked AS k USING (workflow_name, variant)
WHERE $5::VARCHAR IS NULL AND k.rank <= $7
GROUP BY r.workflow_name, r.variant
UNION ALL
SELECT 'wother', 'v' || r.workflow_name, count(DISTINCT r.actor_hash)
FROM runs AS r JOIN ranked AS k USING (workflow_name, variant)
WHERE $5::VARCHAR IS NULL AND k.rank > $7
GROUP BY r.workflow_name
