-- The counts per tool and version infer stored for all data (no filter): read, not recomputed;
-- in the order of sql/marts/version_counts.sql.
SELECT * FROM version_counts
ORDER BY tool_name, first_seen, tool_version NULLS LAST
