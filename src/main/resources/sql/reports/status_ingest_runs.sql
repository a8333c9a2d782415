-- Every ingest run, oldest first, with how many files it read and what became of their lines.
WITH
-- the files of each run
files AS (
    SELECT run_id, count(*) AS files FROM ingest_files GROUP BY run_id
)
SELECT r.run_id, r.started_at, coalesce(f.files, 0) AS files, r.accepted AS stored, r.duplicates,
       coalesce(r.conflicts, 0) AS conflicts, r.rejected, r.ignored
FROM ingest_runs AS r
LEFT JOIN files AS f USING (run_id)
ORDER BY r.run_id
