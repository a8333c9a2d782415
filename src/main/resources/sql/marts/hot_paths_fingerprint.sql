-- Fingerprints of FAILED runs (SPEC §5.4), ranked by failure count, ties by fingerprint.
-- infer fills hot_paths_fingerprint with it, no filter given; reports run it with filters.
-- Parameters (null = no filter): $1 tool name, $2 since (started_at >= $2), $3 until
-- (started_at < $3), $4 exclude CI runs, $5 how many rows (null = all).
WITH
-- failed runs in scope
failed AS (
    SELECT fingerprint, workflow_name, actor_hash
    FROM workflow_runs
    WHERE outcome = 'FAILED'
      AND ($1::VARCHAR IS NULL OR tool_name = $1::VARCHAR)
      AND ($2::TIMESTAMPTZ IS NULL OR started_at >= $2::TIMESTAMPTZ)
      AND ($3::TIMESTAMPTZ IS NULL OR started_at < $3::TIMESTAMPTZ)
      AND NOT (coalesce($4::BOOLEAN, false) AND ci_detected)
),
-- failures and distinct actors per fingerprint
per_fingerprint AS (
    SELECT fingerprint, count(*) AS failure_count, count(DISTINCT actor_hash) AS distinct_actors
    FROM failed
    GROUP BY fingerprint
),
-- the most frequent workflow name among a fingerprint's failed runs, ties by name
top_name AS (
    SELECT fingerprint, workflow_name
    FROM (SELECT fingerprint, workflow_name,
                 row_number() OVER (PARTITION BY fingerprint ORDER BY count(*) DESC, workflow_name) AS pick
          FROM failed
          GROUP BY fingerprint, workflow_name)
    WHERE pick = 1
),
-- ranked by failures, ties by fingerprint
ranked AS (
    SELECT row_number() OVER (ORDER BY p.failure_count DESC, p.fingerprint)::INTEGER AS rank,
           p.fingerprint, p.failure_count, t.workflow_name, p.distinct_actors
    FROM per_fingerprint AS p
    JOIN top_name AS t USING (fingerprint)
)
SELECT rank, fingerprint, failure_count, workflow_name, distinct_actors
FROM ranked
WHERE $5::BIGINT IS NULL OR rank <= $5::BIGINT
ORDER BY rank
