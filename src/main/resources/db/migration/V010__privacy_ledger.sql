-- Schema 10: the privacy ledger (docs/ingest.md, "The privacy ledger"; report privacy): per ingest
-- run, how many times each privacy rule of SPEC §4.1 acted. Counts only, never a value.

-- ids replaced by their keyed hash (actor, machine, session hint of the run's stored events)
ALTER TABLE ingest_runs ADD COLUMN ids_hashed BIGINT;
-- flag values dropped (every well-formed flag given with '=' or ':'), flags naming a secret or
-- shaped like one dropped, malformed flags dropped
ALTER TABLE ingest_runs ADD COLUMN flag_values_dropped BIGINT;
ALTER TABLE ingest_runs ADD COLUMN secret_flags_dropped BIGINT;
ALTER TABLE ingest_runs ADD COLUMN malformed_flags_dropped BIGINT;
-- parts of error texts replaced, by placeholder (in the run's stored events)
ALTER TABLE ingest_runs ADD COLUMN redacted_url BIGINT;
ALTER TABLE ingest_runs ADD COLUMN redacted_path BIGINT;
ALTER TABLE ingest_runs ADD COLUMN redacted_email BIGINT;
ALTER TABLE ingest_runs ADD COLUMN redacted_ip BIGINT;
ALTER TABLE ingest_runs ADD COLUMN redacted_token BIGINT;
-- command-path words stored as [redacted] (not a command word, or shaped like a secret)
ALTER TABLE ingest_runs ADD COLUMN words_redacted BIGINT;

-- runs of earlier builds: what their stored events show; the flag counts were not kept (NULL)
UPDATE ingest_runs SET
    ids_hashed = l.ids_hashed, redacted_url = l.redacted_url, redacted_path = l.redacted_path,
    redacted_email = l.redacted_email, redacted_ip = l.redacted_ip, redacted_token = l.redacted_token,
    words_redacted = l.words_redacted
FROM (
    SELECT run_id,
        count(actor_hash) + count(machine_hash) + count(session_hint_hash) AS ids_hashed,
        coalesce(sum((strlen(error_type) - strlen(replace(error_type, '<url>', ''))) // 5), 0) AS redacted_url,
        coalesce(sum((strlen(error_type) - strlen(replace(error_type, '<path>', ''))) // 6), 0) AS redacted_path,
        coalesce(sum((strlen(error_type) - strlen(replace(error_type, '<email>', ''))) // 7), 0) AS redacted_email,
        coalesce(sum((strlen(error_type) - strlen(replace(error_type, '<ip>', ''))) // 4), 0) AS redacted_ip,
        coalesce(sum((strlen(error_type) - strlen(replace(error_type, '<token>', ''))) // 7), 0) AS redacted_token,
        coalesce(sum(len(list_filter(command_path, w -> w = '[redacted]'))), 0) AS words_redacted
    FROM events
    GROUP BY run_id
) AS l
WHERE ingest_runs.run_id = l.run_id;
