-- The ingest_runs table (its columns in schema 14's order): the job's input as one ingest run,
-- run 1 of an empty database, with the counts and the privacy ledger ingest records
-- (IngestRecords, staging/privacy_ledger.sql), from TEMP VIEWs staged (every non-blank line),
-- events (as written) and rejects_written. The rare-word rule's counts (${words_held_back},
-- ${words_revealed}), ${started_at} and ${finished_at} are the job's (SparkJob).
WITH
lines AS (
    SELECT count(*) AS records,
           count(*) FILTER (WHERE reason IS NULL) AS accepted_lines,
           count(*) FILTER (WHERE reason IS NOT NULL) AS rejected,
           coalesce(sum(unknown_count), 0) AS unknown_fields,
           coalesce(sum(flags_dropped), 0) AS flags_dropped,
           coalesce(sum(flags_malformed), 0) AS flags_malformed,
           coalesce(sum(flag_values), 0) AS flag_values
    FROM staged
),
conflicts AS (
    SELECT count(*) AS conflicts FROM rejects_written WHERE reason = 'conflicting_event_id'
),
stored AS (
    SELECT count(*) AS accepted,
           count(actor_hash) + count(machine_hash) + count(session_hint_hash) AS ids_hashed,
           coalesce(sum((length(error_type) - length(replace(error_type, '<url>', ''))) div 5), 0) AS redacted_url,
           coalesce(sum((length(error_type) - length(replace(error_type, '<path>', ''))) div 6), 0) AS redacted_path,
           coalesce(sum((length(error_type) - length(replace(error_type, '<email>', ''))) div 7), 0) AS redacted_email,
           coalesce(sum((length(error_type) - length(replace(error_type, '<ip>', ''))) div 4), 0) AS redacted_ip,
           coalesce(sum((length(error_type) - length(replace(error_type, '<token>', ''))) div 7), 0) AS redacted_token,
           coalesce(sum(size(filter(command_path, w -> w = '[redacted]'))), 0) AS words_redacted
    FROM events
)
SELECT CAST(1 AS INT) AS run_id, TIMESTAMP '${started_at}' AS started_at, TIMESTAMP '${finished_at}' AS finished_at,
       'auto' AS format, s.accepted, l.rejected, l.accepted_lines - s.accepted - c.conflicts AS duplicates,
       l.unknown_fields, CAST(0 AS BIGINT) AS ignored, c.conflicts, l.records, CAST(0 AS BIGINT) AS merged,
       CAST(0 AS BIGINT) AS flow_events, CAST(0 AS BIGINT) AS links, l.flags_dropped, s.ids_hashed,
       l.flag_values AS flag_values_dropped, l.flags_dropped - l.flags_malformed AS secret_flags_dropped,
       l.flags_malformed AS malformed_flags_dropped, s.redacted_url, s.redacted_path, s.redacted_email, s.redacted_ip,
       s.redacted_token, s.words_redacted, CAST(${words_held_back} AS BIGINT) AS words_held_back,
       CAST(${words_revealed} AS BIGINT) AS words_revealed
FROM lines AS l CROSS JOIN conflicts AS c CROSS JOIN stored AS s
