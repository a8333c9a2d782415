-- The ingest_runs table (its columns in schema 14's order): the job's input as one ingest run,
-- run 1 of an empty database, with the counts and the privacy ledger ingest records
-- (IngestRecords, staging/privacy_ledger.sql): the files' counts summed (TEMP VIEW file_counts) and
-- the ledger of the events as written (TEMP VIEW events). The rare-word rule's counts
-- (${words_held_back}, ${words_revealed}), --format (${format}), ${started_at} and ${finished_at} are
-- the job's (SparkJob).
WITH
files AS (
    SELECT sum(accepted) AS accepted, sum(rejected) AS rejected, sum(duplicates) AS duplicates,
           sum(unknown_fields) AS unknown_fields, sum(ignored) AS ignored, sum(conflicts) AS conflicts,
           sum(records) AS records, sum(merged) AS merged, sum(flow_events) AS flow_events, sum(links) AS links,
           sum(flags_dropped) AS flags_dropped, sum(flags_malformed) AS flags_malformed, sum(flag_values) AS flag_values
    FROM file_counts
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
       '${format}' AS format, f.accepted, f.rejected, f.duplicates, f.unknown_fields, f.ignored, f.conflicts, f.records,
       f.merged, f.flow_events, f.links, f.flags_dropped, s.ids_hashed,
       f.flag_values AS flag_values_dropped, f.flags_dropped - f.flags_malformed AS secret_flags_dropped,
       f.flags_malformed AS malformed_flags_dropped, s.redacted_url, s.redacted_path, s.redacted_email, s.redacted_ip,
       s.redacted_token, s.words_redacted, CAST(${words_held_back} AS BIGINT) AS words_held_back,
       CAST(${words_revealed} AS BIGINT) AS words_revealed
FROM files AS f CROSS JOIN stored AS s
