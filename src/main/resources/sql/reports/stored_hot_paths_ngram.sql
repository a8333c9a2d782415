-- The n-gram hot paths infer stored for all data (no filter): read, not recomputed. $1 how many.
SELECT rank, ngram, n, failure_count, occurrence_count, failure_rate, distinct_actors, top_error_type
FROM hot_paths_ngram ORDER BY rank LIMIT $1
