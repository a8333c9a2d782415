-- Step sequences of 1-3 steps ending at a failing event (SPEC §5.4), over the runs in scope,
-- ranked by failures, ties by n-gram. Same result as the hot_paths_ngram table without filters.
-- $1 tool, $2 since, $3 until, $4 exclude CI, $5 how many.
WITH
-- workflow runs in scope
scoped_runs AS (
    SELECT workflow_run_id, actor_hash
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT ($4::BOOLEAN AND ci_detected)
),
-- every step of those runs, with its actor
steps AS (
    SELECT s.step, s.ngram2, s.ngram3, s.exit_code, s.error_type, r.actor_hash
    FROM workflow_steps AS s JOIN scoped_runs AS r USING (workflow_run_id)
),
-- the 1-, 2- and 3-step sequences ending at each step
grams AS (
    SELECT step AS ngram, 1 AS n, exit_code, error_type, actor_hash FROM steps
    UNION ALL
    SELECT ngram2, 2, exit_code, error_type, actor_hash FROM steps WHERE ngram2 IS NOT NULL
    UNION ALL
    SELECT ngram3, 3, exit_code, error_type, actor_hash FROM steps WHERE ngram3 IS NOT NULL
),
-- failures (non-zero exit code) and distinct failing actors per sequence
per_gram AS (
    SELECT ngram, n, count(*) AS failure_count, count(DISTINCT actor_hash) AS distinct_actors
    FROM grams WHERE exit_code <> 0 GROUP BY ngram, n
),
-- all occurrences of the sequences that fail at least once
occurrences AS (
    SELECT g.ngram, g.n, count(*) AS occurrence_count
    FROM grams AS g SEMI JOIN per_gram AS p ON g.ngram = p.ngram AND g.n = p.n
    GROUP BY g.ngram, g.n
),
-- the most common error type of the failures, ties by text
top_error AS (
    SELECT ngram, n, error_type
    FROM (SELECT ngram, n, error_type,
                 row_number() OVER (PARTITION BY ngram, n ORDER BY count(*) DESC, error_type) AS pick
          FROM grams WHERE exit_code <> 0 AND error_type IS NOT NULL GROUP BY ngram, n, error_type)
    WHERE pick = 1
)
SELECT row_number() OVER (ORDER BY p.failure_count DESC, p.ngram) AS rank,
       p.ngram, p.n, p.failure_count, o.occurrence_count,
       p.failure_count / o.occurrence_count AS failure_rate,
       p.distinct_actors, e.error_type AS top_error_type
FROM per_gram AS p
JOIN occurrences AS o USING (ngram, n)
LEFT JOIN top_error AS e USING (ngram, n)
ORDER BY rank LIMIT $5
