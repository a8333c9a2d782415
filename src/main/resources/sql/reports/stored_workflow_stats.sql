-- The per-workflow counts infer stored for all data (no filter), by runs then name. $1 how many.
SELECT * FROM workflow_stats ORDER BY total_runs DESC, name ASC LIMIT $1
