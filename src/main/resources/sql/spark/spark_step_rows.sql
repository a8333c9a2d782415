-- The workflow_step_rows table (schema 13's columns, in its order; workflow_step_rows.sql): one row
-- per event of a run, from TEMP VIEW run_steps, with the run's id (pair offsets, as the runs), the
-- gap from the previous step's end and, on the run's last step, the run's outcome (the job's
-- workflow_runs, TEMP VIEW runs_written).
SELECT CAST(o.run_offset + r.run_number AS BIGINT) AS workflow_run_id, CAST(r.position AS INT) AS position,
       r.ingest_seq, r.ts, r.exit_code, r.duration_ms, r.error_type, r.triple_key,
       CASE WHEN r.position > 1 THEN r.ts_us - r.p1.ended_us END AS gap_us,
       w.outcome AS end_outcome
FROM run_steps AS r
JOIN pair_offsets AS o ON o.actor_hash = r.actor_hash AND o.machine_hash = r.machine_hash
LEFT JOIN runs_written AS w ON r.is_last_in_run AND w.workflow_run_id = o.run_offset + r.run_number
