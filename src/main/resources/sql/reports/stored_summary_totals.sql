-- The summary counts infer stored for all data (no filter): read, not recomputed.
SELECT * FROM summary_totals
