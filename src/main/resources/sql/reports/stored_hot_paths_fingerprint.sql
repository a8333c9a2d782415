-- The fingerprint hot paths infer stored for all data (no filter): read, not recomputed. $1 how many.
SELECT rank, fingerprint, failure_count, workflow_name, distinct_actors
FROM hot_paths_fingerprint ORDER BY rank LIMIT $1
