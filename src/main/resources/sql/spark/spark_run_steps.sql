-- Every event as a step of its run (int_steps' positions and triples), from TEMP VIEW steps: its
-- position in the run, the two steps before it in the run, the previous step's end (the gap) and
-- whether it is the run's last. The step triple's key is a 63-bit hash of the three steps (tool and
-- name with flags each): it only joins workflow_step_rows to workflow_step_triples, as infer's
-- packed step ids do, so the two engines' keys differ while the rows they join are the same.
-- SparkJob keeps it as TEMP VIEW run_steps for spark_step_rows.sql and spark_step_triples.sql.
WITH
in_run AS (
    SELECT s.actor_hash, s.machine_hash, s.run_number, s.ingest_seq, s.ts, s.ts_us, s.exit_code, s.duration_ms,
           s.error_type, s.tool_name, s.step, s.step_with_flags, s.is_entry, s.is_terminal,
           row_number() OVER by_run AS position,
           lag(named_struct('tool_name', s.tool_name, 'step', s.step, 'step_with_flags', s.step_with_flags,
               'ended_us', s.ended_us)) OVER by_run AS p1,
           lag(named_struct('tool_name', s.tool_name, 'step', s.step, 'step_with_flags', s.step_with_flags), 2)
               OVER by_run AS p2,
           lead(s.event_number) OVER by_run IS NULL AS is_last_in_run
    FROM steps AS s
    WINDOW by_run AS (PARTITION BY s.actor_hash, s.machine_hash, s.run_number ORDER BY s.event_number)
)
SELECT r.*,
       xxhash64(r.p2.tool_name, r.p2.step_with_flags, r.p1.tool_name, r.p1.step_with_flags, r.tool_name,
                r.step_with_flags) & 9223372036854775807 AS triple_key
FROM in_run AS r
