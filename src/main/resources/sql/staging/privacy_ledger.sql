-- The privacy ledger of one ingest run (V010; report privacy): how often each rule acted, counted
-- on the run's stored events and on the staged lines (flag values are never staged, only counted).
-- Parameters: $1 run id, $2 secret flags dropped, $3 malformed flags dropped.
UPDATE ingest_runs SET
    ids_hashed = l.ids_hashed, flag_values_dropped = l.flag_values_dropped,
    secret_flags_dropped = $2::BIGINT, malformed_flags_dropped = $3::BIGINT,
    redacted_url = l.redacted_url, redacted_path = l.redacted_path, redacted_email = l.redacted_email,
    redacted_ip = l.redacted_ip, redacted_token = l.redacted_token, words_redacted = l.words_redacted
FROM (
    WITH
    -- the run's stored command events
    stored AS (
        SELECT actor_hash, machine_hash, session_hint_hash, error_type, command_path FROM events WHERE run_id = $1
    ),
    -- placeholders in error texts (only texts holding one are looked at) and [redacted] words
    counted AS (
        SELECT
            count(actor_hash) + count(machine_hash) + count(session_hint_hash) AS ids_hashed,
            coalesce(sum(CASE WHEN contains(error_type, '<')
                THEN (strlen(error_type) - strlen(replace(error_type, '<url>', ''))) // 5 END), 0) AS redacted_url,
            coalesce(sum(CASE WHEN contains(error_type, '<')
                THEN (strlen(error_type) - strlen(replace(error_type, '<path>', ''))) // 6 END), 0) AS redacted_path,
            coalesce(sum(CASE WHEN contains(error_type, '<')
                THEN (strlen(error_type) - strlen(replace(error_type, '<email>', ''))) // 7 END), 0) AS redacted_email,
            coalesce(sum(CASE WHEN contains(error_type, '<')
                THEN (strlen(error_type) - strlen(replace(error_type, '<ip>', ''))) // 4 END), 0) AS redacted_ip,
            coalesce(sum(CASE WHEN contains(error_type, '<')
                THEN (strlen(error_type) - strlen(replace(error_type, '<token>', ''))) // 7 END), 0) AS redacted_token,
            coalesce(sum(CASE WHEN list_contains(command_path, '[redacted]')
                THEN len(list_filter(command_path, w -> w = '[redacted]')) END), 0) AS words_redacted
        FROM stored
    ),
    -- flag values of every line read (native and mapped foreign events)
    values_dropped AS (
        SELECT coalesce(sum(flag_values), 0) AS flag_values_dropped
        FROM (SELECT flag_values FROM ca_stage WHERE flag_values > 0
              UNION ALL SELECT flag_values FROM ca_foreign_events WHERE flag_values > 0)
    )
    SELECT * FROM counted, values_dropped
) AS l
WHERE ingest_runs.run_id = $1;
