-- report privacy: what the privacy rules did in every ingest run, oldest first (counts only, V010).
-- NULL where the run was made by a build that did not count it (before schema 10, the flag counts;
-- before schema 13, the words held back and revealed).
SELECT run_id, started_at, ids_hashed, flag_values_dropped, secret_flags_dropped, malformed_flags_dropped,
       redacted_url, redacted_path, redacted_email, redacted_ip, redacted_token, words_redacted,
       words_held_back, words_revealed,
       unknown_fields AS properties_dropped
FROM ingest_runs
ORDER BY run_id
