-- Staging of one input file (SPEC §3, §4.1, §4.3): one row per line, in file order, with its
-- format and reject reason; accepted native lines also carry their event key and sanitized
-- values. The row's position in TEMP ca_stage is its line number: DuckDB keeps insertion order,
-- so no numbering step serializes the parallel scan (view ca_lines derives line_no from rowid).
-- Ids are hashed here, row by row (cheaper than hashing distinct ids and joining them back, and
-- no raw id is kept anywhere, not even in this TEMP table).
-- Parameters: $1 file path, $2 file index, $3 format asked (auto|native|posthog|segment),
-- $4 keep the text of rejected lines (for --rejects), $5 compression (gzip|none).
WITH
-- every line of the file as raw text; blank lines are kept (they count) but never read as JSON
raw_lines AS (
    -- (CASE, not OR/AND: in a projection DuckDB evaluates every operand of OR/AND on every row)
    SELECT line, CASE WHEN line IS NULL THEN true WHEN starts_with(line, '{') THEN false
                      ELSE trim(line, E' \t\r') = '' END AS blank
    FROM read_csv($1, columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
                  delim = E'\x01\x02\x03\x04', quote = '', escape = '', strict_mode = false,
                  max_line_size = 16777216, buffer_size = 33554432, compression = $5)
),
-- one JSON parse per line into the JSON text of each field read below (native fields and the keys
-- that tell the other formats apart); NULL when not a JSON object or too long
parsed AS (
    SELECT line, blank, strlen(line) > 1048576 AS too_long,
           CASE WHEN NOT blank AND strlen(line) <= 1048576
                     AND CASE WHEN starts_with(line, '{') THEN true ELSE regexp_matches(line, '^\s*\{') END
                     AND json_valid(line)
                THEN json_transform(line, '{"timestamp":"JSON","tool_name":"JSON","tool_version":"JSON",'
                    || '"command_path":"JSON","flags_present":"JSON","exit_code":"JSON","duration_ms":"JSON",'
                    || '"error_type":"JSON","actor_id":"JSON","machine_id":"JSON","session_hint":"JSON",'
                    || '"ci_detected":"JSON","event_id":"JSON","sequence":"JSON",'
                    || '"distinct_id":"JSON","api_key":"JSON","userId":"JSON","anonymousId":"JSON",'
                    || '"previousId":"JSON","messageId":"JSON","user_id":"JSON","anonymous_id":"JSON",'
                    || '"message_id":"JSON","batch":"JSON","type":"JSON","event":"JSON","uuid":"JSON"}') END AS m
    FROM raw_lines
),
-- which format each line is in: as asked, else detected from the keys present, in the priority
-- order of FormatDetector (docs/formats.md): native, PostHog, Segment, batches by their first event
detected AS (
    SELECT *,
        CASE WHEN $3 <> 'auto' THEN $3
             WHEN m IS NULL THEN
                 CASE WHEN NOT blank AND NOT too_long AND left(ltrim(line), 1) = '[' AND json_valid(line) THEN
                     CASE WHEN json_exists(line, '$[0].distinct_id') THEN 'posthog'
                          WHEN json_exists(line, '$[0].userId') OR json_exists(line, '$[0].anonymousId')
                            OR json_exists(line, '$[0].messageId') OR json_exists(line, '$[0].type') THEN 'segment'
                          WHEN json_exists(line, '$[0].event') THEN 'posthog'
                          ELSE 'native' END
                      ELSE 'native' END
             WHEN m.actor_id IS NOT NULL THEN 'native'
             WHEN m.distinct_id IS NOT NULL OR m.api_key IS NOT NULL THEN 'posthog'
             WHEN m.userId IS NOT NULL OR m.anonymousId IS NOT NULL OR m.previousId IS NOT NULL
               OR m.messageId IS NOT NULL OR m.user_id IS NOT NULL OR m.anonymous_id IS NOT NULL
               OR m.message_id IS NOT NULL THEN 'segment'
             WHEN left(m.batch, 1) = '[' THEN
                 CASE WHEN json_exists(m.batch, '$[0].distinct_id') THEN 'posthog'
                      WHEN json_exists(m.batch, '$[0].userId') OR json_exists(m.batch, '$[0].anonymousId')
                        OR json_exists(m.batch, '$[0].previousId') OR json_exists(m.batch, '$[0].messageId')
                        OR json_exists(m.batch, '$[0].type') THEN 'segment'
                      WHEN json_exists(m.batch, '$[0].event') THEN 'posthog'
                      ELSE 'native' END
             WHEN m.type IS NOT NULL THEN 'segment'
             WHEN m.event IS NOT NULL OR m.uuid IS NOT NULL THEN 'posthog'
             ELSE 'native' END AS fmt
    FROM parsed
),
-- each field's JSON text and its JSON kind (s string, a array, n number, b boolean, z null or absent)
fields AS (
    SELECT *,
        ca_json_kind(m.timestamp) AS k_ts, m.timestamp AS j_ts,
        ca_json_kind(m.tool_name) AS k_tool, m.tool_name AS j_tool,
        ca_json_kind(m.tool_version) AS k_ver, m.tool_version AS j_ver,
        ca_json_kind(m.command_path) AS k_cmd, m.command_path AS j_cmd,
        ca_json_kind(m.flags_present) AS k_flags, m.flags_present AS j_flags,
        ca_json_kind(m.exit_code) AS k_exit, m.exit_code AS j_exit,
        ca_json_kind(m.duration_ms) AS k_dur, m.duration_ms AS j_dur,
        ca_json_kind(m.error_type) AS k_err, m.error_type AS j_err,
        ca_json_kind(m.actor_id) AS k_actor, m.actor_id AS j_actor,
        ca_json_kind(m.machine_id) AS k_machine, m.machine_id AS j_machine,
        ca_json_kind(m.session_hint) AS k_hint, m.session_hint AS j_hint,
        ca_json_kind(m.ci_detected) AS k_ci, m.ci_detected AS j_ci,
        ca_json_kind(m.event_id) AS k_id, m.event_id AS j_id,
        ca_json_kind(m.sequence) AS k_seq, m.sequence AS j_seq,
        -- (the key list is only filtered when it is longer than the known fields present)
        CASE WHEN fmt <> 'native' OR m IS NULL THEN NULL WHEN len(json_keys(line)) >
                  (j_ts IS NOT NULL)::INT + (j_tool IS NOT NULL)::INT + (j_ver IS NOT NULL)::INT + (j_cmd IS NOT NULL)::INT
                  + (j_flags IS NOT NULL)::INT + (j_exit IS NOT NULL)::INT + (j_dur IS NOT NULL)::INT + (j_err IS NOT NULL)::INT
                  + (j_actor IS NOT NULL)::INT + (j_machine IS NOT NULL)::INT + (j_hint IS NOT NULL)::INT
                  + (j_ci IS NOT NULL)::INT + (j_id IS NOT NULL)::INT + (j_seq IS NOT NULL)::INT
             THEN list_filter(json_keys(line), k -> k NOT IN (
            'timestamp', 'tool_name', 'tool_version', 'command_path', 'flags_present', 'exit_code',
            'duration_ms', 'error_type', 'actor_id', 'machine_id', 'session_hint', 'ci_detected',
            'event_id', 'sequence')) END AS unknown_keys
    FROM detected
),
-- typed values; a value of the wrong type becomes NULL here and a reject below
typed AS (
    SELECT *,
        CASE WHEN k_ts = 's' THEN ca_json_string(j_ts) END AS ts_text,
        CASE WHEN k_cmd = 'a' THEN ca_json_string_list(j_cmd) END AS command_path_raw,
        CASE WHEN k_flags = 'a' THEN ca_json_string_list(j_flags) END AS flags_raw,
        CASE WHEN k_exit = 'n' THEN try_cast(ca_json_integer(j_exit) AS INTEGER) END AS exit_code,
        -- at most 10^12 ms (~31.7 years): longer is no real command and would overflow interval arithmetic
        CASE WHEN k_dur = 'n' AND ca_json_integer(j_dur) BETWEEN 0 AND 1000000000000 THEN ca_json_integer(j_dur) END AS duration_ms,
        CASE WHEN k_ci = 'b' THEN j_ci = 'true' END AS ci_detected,
        CASE WHEN k_seq = 'n' THEN ca_json_integer(j_seq) END AS sequence,
        CASE WHEN k_actor = 's' THEN ca_json_string(j_actor) END AS actor_id,
        CASE WHEN k_machine = 's' THEN ca_json_string(j_machine) END AS machine_id,
        CASE WHEN k_hint = 's' THEN ca_json_string(j_hint) END AS session_hint,
        CASE WHEN k_id = 's' THEN ca_json_string(j_id) END AS event_id,
        CASE WHEN k_tool = 's' THEN ca_json_string(j_tool) END AS tool_text,
        CASE WHEN k_ver = 's' THEN ca_json_string(j_ver) END AS version_text,
        CASE WHEN k_err = 's' THEN ca_json_string(j_err) END AS error_text
    FROM fields
),
-- the timestamp as an instant (ISO-8601 date and time, offset honoured, none meaning UTC), and
-- the flag names that may be kept
timed AS (
    SELECT *,
        -- (the whole text must be ISO-8601: DuckDB alone would also take "10:03:0", "-25:00" or trailing words)
        CASE WHEN regexp_full_match(ts_text, '\s*\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d(\.\d+)?)?([Zz]|[+-](0\d|1[0-8])(:?[0-5]\d)?)?\s*')
             THEN try_cast(upper(ts_text) AS TIMESTAMPTZ) END AS ts,
        ca_flag_names(flags_raw) AS flag_names
    FROM typed
),
-- the first problem of each line, in the order of SPEC §4.3; foreign lines go to their reader
checked AS (
    SELECT *,
        CASE
            WHEN blank THEN NULL
            WHEN too_long THEN 'line_too_long'
            WHEN fmt <> 'native' AND json_valid(line) THEN NULL -- the format's reader judges it
            WHEN m IS NULL THEN 'invalid_json'
            WHEN k_ts = 'z' THEN 'missing_field:timestamp'
            WHEN k_tool = 'z' THEN 'missing_field:tool_name'
            WHEN k_cmd = 'z' THEN 'missing_field:command_path'
            WHEN k_actor = 'z' OR trim(actor_id) = '' THEN 'missing_field:actor_id'
            WHEN k_machine = 'z' OR trim(machine_id) = '' THEN 'missing_field:machine_id'
            WHEN k_ts <> 's' THEN 'wrong_type:timestamp'
            WHEN k_tool <> 's' THEN 'wrong_type:tool_name'
            WHEN k_ver NOT IN ('s', 'z') THEN 'wrong_type:tool_version'
            WHEN command_path_raw IS NULL THEN 'wrong_type:command_path'
            WHEN k_flags <> 'z' AND flags_raw IS NULL THEN 'wrong_type:flags_present'
            WHEN k_exit <> 'z' AND exit_code IS NULL THEN 'wrong_type:exit_code'
            WHEN k_dur <> 'z' AND duration_ms IS NULL THEN 'wrong_type:duration_ms'
            WHEN k_err NOT IN ('s', 'z') THEN 'wrong_type:error_type'
            WHEN k_actor <> 's' THEN 'wrong_type:actor_id'
            WHEN k_machine <> 's' THEN 'wrong_type:machine_id'
            WHEN k_hint NOT IN ('s', 'z') THEN 'wrong_type:session_hint'
            WHEN k_ci NOT IN ('b', 'z') THEN 'wrong_type:ci_detected'
            WHEN k_id NOT IN ('s', 'z') THEN 'wrong_type:event_id'
            WHEN k_seq <> 'z' AND sequence IS NULL THEN 'wrong_type:sequence'
            WHEN ts IS NULL THEN 'bad_timestamp'
            WHEN len(command_path_raw) = 0 THEN 'empty_command_path'
        END AS reason
    FROM timed
),
-- a native line without a problem is stored
accepted AS (
    SELECT *, NOT blank AND reason IS NULL AND fmt = 'native' AS ok FROM checked
)
-- accepted lines carry their key and sanitized values; rejected lines only their reason
SELECT
    $2::INTEGER AS file_index,
    blank,
    0 AS index_in_line,
    fmt AS source_format,
    reason,
    coalesce(len(unknown_keys), 0) AS unknown_count,
    CASE WHEN len(unknown_keys) > 0 THEN unknown_keys END AS unknown_keys,
    CASE WHEN (NOT blank AND reason IS NULL AND fmt <> 'native') OR (reason IS NOT NULL AND $4) THEN line END AS raw_text,
    -- (the content: the instant, then each field's JSON text as parsed, which is minified with escapes
    -- decoded, so that spacing, key order and the spelling of escapes do not matter; an absent field
    -- and a null are the same, and so are an absent ci_detected and false)
    CASE WHEN ok THEN ca_event_key(event_id, concat_ws(chr(31),
        epoch_us(ts)::VARCHAR, j_tool, coalesce(j_ver::VARCHAR, ''), j_cmd, coalesce(j_flags::VARCHAR, ''), coalesce(j_exit::VARCHAR, ''),
        coalesce(j_dur::VARCHAR, ''), coalesce(j_err::VARCHAR, ''), j_actor, j_machine, coalesce(j_hint::VARCHAR, ''), coalesce(j_ci::VARCHAR, 'false'),
        coalesce(j_seq::VARCHAR, ''))) END AS event_key,
    CASE WHEN ok THEN ts END AS ts,
    CASE WHEN ok THEN ca_tool_name(tool_text) END AS tool_name,
    CASE WHEN ok THEN ca_tool_version(version_text) END AS tool_version,
    CASE WHEN ok THEN CASE WHEN ca_command_path_plain(j_cmd) THEN command_path_raw
                           ELSE ca_command_path(command_path_raw) END END AS command_path,
    CASE WHEN ok THEN coalesce(ca_flags(flag_names), []) END AS flags_present,
    CASE WHEN ok THEN exit_code END AS exit_code,
    CASE WHEN ok THEN duration_ms END AS duration_ms,
    CASE WHEN ok THEN ca_error_type(error_text) END AS error_type,
    CASE WHEN ok THEN ca_id_hash(actor_id) END AS actor_hash,
    CASE WHEN ok THEN ca_id_hash(machine_id) END AS machine_hash,
    CASE WHEN ok THEN ca_id_hash(session_hint) END AS session_hint_hash,
    CASE WHEN ok THEN coalesce(ci_detected, false) END AS ci_detected,
    CASE WHEN ok THEN sequence END AS sequence,
    -- flag names not kept (counted for the summary, never silent): malformed ones, and the rest that
    -- name or look like a secret (the element-wise count runs only on lines that lost a flag)
    CASE WHEN ok THEN coalesce(len(flags_raw), 0) - len(flag_names) ELSE 0 END AS flags_dropped,
    CASE WHEN ok AND coalesce(len(flags_raw), 0) > len(flag_names)
         THEN len(list_filter(flags_raw, f -> ca_flag_name(f) = '')) ELSE 0 END AS flags_malformed
FROM accepted
