-- Step sequences of 1-3 steps ending at a failing event (exit code non-zero) within its run
-- (SPEC §5.4), ranked by failure count, ties by n-gram. infer fills hot_paths_ngram with it, no
-- filter given; reports run it with filters.
-- Parameters (null = no filter): $1 tool name, $2 since (run started_at >= $2), $3 until
-- (started_at < $3), $4 exclude CI runs, $5 how many rows (null = all).
WITH
-- workflow runs in scope
scoped_runs AS (
    SELECT workflow_run_id, actor_hash
    FROM workflow_runs
    WHERE ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT (coalesce($4::BOOLEAN, false) AND ci_detected)
),
-- how often each step triple occurs (few distinct triples, many steps), with the step and the
-- n-grams ending at it; without a filter every run is in scope, so the steps are counted without
-- matching them to runs (the second branch then reads no run)
combinations AS (
    SELECT t.step, t.ngram2, t.ngram3, c.occurrences
    FROM (SELECT s.triple_key, count(*) AS occurrences
          FROM workflow_step_rows AS s
          WHERE $1::VARCHAR IS NULL AND $2::TIMESTAMPTZ IS NULL AND $3::TIMESTAMPTZ IS NULL
            AND NOT coalesce($4::BOOLEAN, false)
          GROUP BY s.triple_key
          UNION ALL
          SELECT s.triple_key, count(*) AS occurrences
          FROM workflow_step_rows AS s
          SEMI JOIN (SELECT workflow_run_id FROM scoped_runs
                     WHERE NOT ($1::VARCHAR IS NULL AND $2::TIMESTAMPTZ IS NULL AND $3::TIMESTAMPTZ IS NULL
                                AND NOT coalesce($4::BOOLEAN, false))) AS r
            ON r.workflow_run_id = s.workflow_run_id
          GROUP BY s.triple_key) AS c
    JOIN workflow_step_triples AS t USING (triple_key)
),
-- all occurrences of every 1-, 2- and 3-step sequence (steps without flags)
occurrences AS (
    SELECT ngram, n, sum(occurrences) AS occurrence_count
    FROM (SELECT step AS ngram, 1 AS n, occurrences FROM combinations
          UNION ALL
          SELECT ngram2, 2, occurrences FROM combinations WHERE ngram2 IS NOT NULL
          UNION ALL
          SELECT ngram3, 3, occurrences FROM combinations WHERE ngram3 IS NOT NULL)
    GROUP BY ngram, n
),
-- every failing step (exit code non-zero) with its actor
failing_steps AS (
    SELECT t.step, t.ngram2, t.ngram3, s.error_type, r.actor_hash
    FROM workflow_step_rows AS s
    JOIN scoped_runs AS r USING (workflow_run_id)
    JOIN workflow_step_triples AS t USING (triple_key)
    WHERE s.exit_code <> 0
),
-- the 1-, 2- and 3-step sequences ending at each failing step
failing_grams AS (
    SELECT step AS ngram, 1 AS n, error_type, actor_hash FROM failing_steps
    UNION ALL
    SELECT ngram2, 2, error_type, actor_hash FROM failing_steps WHERE ngram2 IS NOT NULL
    UNION ALL
    SELECT ngram3, 3, error_type, actor_hash FROM failing_steps WHERE ngram3 IS NOT NULL
),
-- failures and distinct failing actors per sequence
per_gram AS (
    SELECT ngram, n, count(*) AS failure_count, count(DISTINCT actor_hash) AS distinct_actors
    FROM failing_grams
    GROUP BY ngram, n
),
-- the most common error type of the failures, ties by text
top_error AS (
    SELECT ngram, n, error_type
    FROM (SELECT ngram, n, error_type,
                 row_number() OVER (PARTITION BY ngram, n ORDER BY count(*) DESC, error_type) AS pick
          FROM failing_grams
          WHERE error_type IS NOT NULL
          GROUP BY ngram, n, error_type)
    WHERE pick = 1
),
-- ranked by failures, ties by n-gram
ranked AS (
    SELECT row_number() OVER (ORDER BY p.failure_count DESC, p.ngram)::INTEGER AS rank,
           p.ngram, p.n, p.failure_count, o.occurrence_count,
           p.failure_count / o.occurrence_count AS failure_rate,
           p.distinct_actors, e.error_type AS top_error_type
    FROM per_gram AS p
    JOIN occurrences AS o USING (ngram, n)
    LEFT JOIN top_error AS e USING (ngram, n)
)
SELECT rank, ngram, n, failure_count, occurrence_count, failure_rate, distinct_actors, top_error_type
FROM ranked
WHERE $5::BIGINT IS NULL OR rank <= $5::BIGINT
ORDER BY rank
