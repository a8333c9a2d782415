-- The privacy rules of SPEC §4.1 as TEMP macros (they live in this connection only, never in the
-- database file), for what is still judged in SQL: the flow events of Segment (stg_flows.sql) and
-- bench/run's sanitized reference step. Command events are sanitized in Java
-- (dev.clianalytics.ingest.sanitize.PrivacyRules), whose rules these mirror.
-- The HMAC key pads are session variables set by ingest from the salt (see Salt.java).

-- Keyed hash HMAC-SHA256(salt, value) as 64 hex characters (RFC 2104 over DuckDB's sha256).
CREATE OR REPLACE TEMP MACRO ca_hmac(v) AS
    CASE WHEN v IS NULL THEN NULL
         ELSE sha256(getvariable('ca_hmac_opad') || unhex(sha256(getvariable('ca_hmac_ipad') || encode(v))))
    END;

-- The de-duplication key of an event (SPEC §4.2): the producer's event_id when given, else its
-- canonical content, hashed with the secret so that neither can be read back (128 bits, as a UUID).
CREATE OR REPLACE TEMP MACRO ca_event_key(event_id, content) AS
    CASE WHEN event_id IS NOT NULL THEN md5(getvariable('ca_key_hex') || chr(31) || 'event_id' || chr(31) || event_id)
         ELSE md5(getvariable('ca_key_hex') || chr(31) || 'content' || chr(31) || content) END::UUID;

-- actor_id, machine_id, session_hint: the first 16 hex characters of the keyed hash.
CREATE OR REPLACE TEMP MACRO ca_id_hash(v) AS left(ca_hmac(v), 16);

-- tool_name: [A-Za-z0-9_-] only, at most 128 characters, else 'unknown'.
CREATE OR REPLACE TEMP MACRO ca_tool_name(v) AS
    CASE WHEN regexp_full_match(coalesce(trim(v), ''), '[A-Za-z0-9_-]{1,128}') THEN trim(v) ELSE 'unknown' END;

-- tool_version: [A-Za-z0-9._+-] only, at most 64 characters, else unknown (NULL).
CREATE OR REPLACE TEMP MACRO ca_tool_version(v) AS
    CASE WHEN regexp_full_match(coalesce(trim(v), ''), '[A-Za-z0-9._+-]{1,64}') THEN trim(v) ELSE NULL END;

-- A word that has the shape of a secret although it passes the command-word pattern: a known
-- token prefix, 24+ characters mixing letters and digits, or 32+ hex digits (all 16+ long).
-- (CASE gates the regexes: OR/AND would evaluate them on every element)
CREATE OR REPLACE TEMP MACRO ca_looks_secret(w) AS
    CASE WHEN strlen(w) < 16 THEN false
         ELSE regexp_matches(w, '^(?:gh[pousr]_|github_pat_|sk-|xox[abposr]-|AKIA|ASIA)')
              OR (strlen(w) >= 24 AND regexp_matches(w, '[A-Za-z]') AND regexp_matches(w, '[0-9]'))
              OR regexp_full_match(w, '[0-9A-Fa-f]{32,}') END;

-- command_path: at most 16 elements, each trimmed, lower-cased when it looks like a command
-- word (and not like a secret), else replaced in place by [redacted].
CREATE OR REPLACE TEMP MACRO ca_command_path(p) AS
    list_transform(p[1:16], e -> CASE WHEN regexp_full_match(coalesce(trim(e), ''), '[A-Za-z][A-Za-z0-9_-]{0,63}')
                                           AND NOT ca_looks_secret(trim(e))
                                      THEN lower(trim(e)) ELSE '[redacted]' END);

-- A flag's name: what comes before any '=' or ':' (the value is never kept), spaces trimmed, when it
-- is well formed (--?[A-Za-z][A-Za-z0-9_-]*); '' when it is not.
CREATE OR REPLACE TEMP MACRO ca_flag_name(f) AS
    regexp_extract(coalesce(f, ''), '^ *(--?[A-Za-z][A-Za-z0-9_-]*) *(?:[=:]|$)', 1);

-- A flag name is sensitive when any of its words (split on - and _) names a secret, in any case.
CREATE OR REPLACE TEMP MACRO ca_flag_is_sensitive(name) AS
    regexp_matches(name,
        '(?i)(?:^|[-_])(?:token|password|passwd|pwd|secret|key|apikey|auth|credentials?|cookie|private)(?:[-_]|$)');

-- flags_present: names only, sensitive, malformed and secret-shaped names dropped, duplicates
-- removed keeping the first, at most 32.
CREATE OR REPLACE TEMP MACRO ca_flag_names(fs) AS
    CASE WHEN len(fs) = 0 THEN fs ELSE list_filter(list_transform(coalesce(fs, []), f -> ca_flag_name(f)),
                n -> n <> '' AND NOT ca_flag_is_sensitive(n) AND NOT ca_looks_secret(ltrim(n, '-'))) END;
-- The first occurrence of each element, in order (list_distinct does not keep the order).
CREATE OR REPLACE TEMP MACRO ca_first_occurrences(l) AS list_filter(l, (n, i) -> list_position(l, n) = i);
-- Apply to a column (not an expression): the list is referenced twice.
CREATE OR REPLACE TEMP MACRO ca_flags(names) AS
    CASE WHEN len(names) <= 1 THEN names WHEN len(list_distinct(names)) = len(names) THEN names[1:32]
         ELSE ca_first_occurrences(names)[1:32] END;

-- Long opaque tokens: runs of 24+ token characters (letters, digits, _ + / = -) mixing letters
-- and digits; dots end a run so host names and file names are not taken for tokens.
CREATE OR REPLACE TEMP MACRO ca_redact_opaque(s) AS
    list_reduce(
        list_prepend(s, list_filter(regexp_extract_all(s, '[A-Za-z0-9][A-Za-z0-9_+/=-]{23,}'),
                                    t -> regexp_matches(t, '[A-Za-z]') AND regexp_matches(t, '[0-9]'))),
        (acc, t) -> replace(acc, t, '<token>'));

-- error_type: URLs, e-mails, tokens, paths, IPs, long hex and opaque tokens become placeholders;
-- identifiers such as ConnectionRefusedError stay; at most 256 characters.
CREATE OR REPLACE TEMP MACRO ca_error_type(s) AS
    CASE WHEN s IS NULL THEN NULL ELSE left(ca_redact_opaque(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(s,
        -- every URL, whole (a repository's path names a customer as well as credentials or a query
        -- would): scheme://…, and scp-like git addresses user@host:path; punctuation ending a
        -- sentence is not part of it
        '[A-Za-z][A-Za-z0-9+.-]*://(?:[^\s''"<>]*[^\s''"<>.,;:!?)\]}])?|[A-Za-z0-9._-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+:[^\s''"<>]*[^\s''"<>.,;:!?)\]}]', '<url>', 'g'),
        -- a host name with a path but no scheme (github.com/acme/repo, as Go module paths are written)
        '(^|[\s''"(\[=,;])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::[0-9]+)?/(?:[^\s''"<>]*[^\s''"<>.,;:!?)\]}])?',
            '\1<url>', 'g'),
        -- e-mail addresses
        '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', '<email>', 'g'),
        -- JWTs (three base64url parts, the first a JSON header)
        'eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*[A-Za-z0-9_+/=-]*', '<token>', 'g'),
        -- well-known token shapes: GitHub, OpenAI-style, AWS access keys, Slack; each with the rest of
        -- its run of token characters, so that no fragment of a secret survives the replacement
        '(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|sk-[A-Za-z0-9_-]{16,}|(?:AKIA|ASIA)[A-Z0-9]{16}|xox[abposr]-[A-Za-z0-9-]+)[A-Za-z0-9_+/=-]*', '<token>', 'g'),
        -- Windows paths: drive letters and UNC shares
        '(?:\b[A-Za-z]:\\|\\\\[A-Za-z0-9._$-]+\\)[^\s''"<>|]*', '<path>', 'g'),
        -- Unix paths: absolute, home-relative and dot-relative, not the // of a URL
        '(^|[\s''"(\[=,;:])(?:~|\.{1,2})?/[^/\s''"()\[\],;<>:][^\s''"()\[\],;<>:]*', '\1<path>', 'g'),
        -- IPv4 addresses, and full-form IPv6 addresses
        '\b(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}\b', '<ip>', 'g'),
        '\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b', '<ip>', 'g'),
        -- long hex strings (hashes, keys)
        '\b[0-9A-Fa-f]{32,}\b', '<token>', 'g')
    ), 256) END;

-- What an event says, as one 64-bit value: two events with one event_id and different values here
-- conflict (reported as conflicting_event_id), with equal values they are duplicates. The stored,
-- sanitized values are compared, so raw texts that sanitize alike count as equal.
CREATE OR REPLACE TEMP MACRO ca_content_hash(ts, tool_name, tool_version, command_path, flags_present, exit_code,
        duration_ms, error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, sequence, error_source,
        http_status) AS
    hash(ts, tool_name, tool_version, command_path, flags_present, exit_code, duration_ms, error_type, actor_hash,
         machine_hash, session_hint_hash, ci_detected, sequence, error_source, http_status);
