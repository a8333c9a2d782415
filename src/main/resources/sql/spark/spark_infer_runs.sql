-- The infer_runs table (its columns in schema 14's order): the job's inference as infer 1 with its
-- settings (JobSettings writes them in: ${session_timeout_ms}, ${as_of_us}, ${workflows_file},
-- ${workflows_config}, ${funnels_file} and ${funnels_config}, the JSON infer stores), as of --as-of or
-- the latest event end, covering ingest run 1; counts of the tables as written (TEMP VIEWs events,
-- sessions_written, runs_written).
SELECT CAST(1 AS INT) AS infer_id, TIMESTAMP '${started_at}' AS started_at, TIMESTAMP '${finished_at}' AS finished_at,
       CAST(${session_timeout_ms} AS BIGINT) AS session_timeout_ms,
       (SELECT timestamp_micros(coalesce(${as_of_us}, max(unix_micros(ts) + coalesce(duration_ms, 0) * 1000))) FROM events)
           AS as_of,
       ${as_of_given} AS as_of_given, ${workflows_file} AS workflows_file, ${workflows_config} AS workflows_config,
       CAST(1 AS INT) AS last_ingest_run_id,
       (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM sessions_written) AS sessions,
       (SELECT count(*) FROM runs_written) AS workflow_runs,
       ${funnels_file} AS funnels_file, ${funnels_config} AS funnels_config
