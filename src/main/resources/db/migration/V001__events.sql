-- Schema 1: what ingest writes. Every value here has passed the privacy rules of SPEC §4.1:
-- ids are keyed hashes, command paths, flags and error texts are sanitized.

-- One row per ingest run (one transaction): what was read and what came of it.
CREATE TABLE ingest_runs (
    run_id          INTEGER PRIMARY KEY,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ NOT NULL,
    format          VARCHAR NOT NULL,      -- auto | native | posthog | segment, as asked
    accepted        BIGINT NOT NULL,       -- events stored by this run
    rejected        BIGINT NOT NULL,       -- lines rejected (SPEC §4.3)
    duplicates      BIGINT NOT NULL,       -- events already stored, or repeated within the run
    unknown_fields  BIGINT NOT NULL,       -- fields outside SPEC §3, ignored
    ignored         BIGINT NOT NULL        -- events of other kinds, counted not stored (e.g. $pageview)
);

-- One row per input file of a run. The name is the file's base name only: directories can name people.
CREATE TABLE ingest_files (
    run_id          INTEGER NOT NULL,
    file_index      INTEGER NOT NULL,      -- position on the command line, from 0
    file_name       VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,      -- of the bytes read (compressed bytes for .gz)
    bytes           BIGINT NOT NULL,
    lines           BIGINT NOT NULL,
    accepted        BIGINT NOT NULL,
    rejected        BIGINT NOT NULL,
    duplicates      BIGINT NOT NULL,
    PRIMARY KEY (run_id, file_index)
);

-- One row per command run (SPEC §3), sanitized.
CREATE TABLE events (
    event_key         VARCHAR NOT NULL,    -- producer's event_id, else a hash of the canonical content
    run_id            INTEGER NOT NULL,
    ingest_seq        BIGINT NOT NULL,     -- unique, increasing in ingest order (runs, files as given, lines)
    ts                TIMESTAMPTZ NOT NULL,-- UTC instant, microseconds
    tool_name         VARCHAR NOT NULL,
    tool_version      VARCHAR,
    command_path      VARCHAR[] NOT NULL,
    flags_present     VARCHAR[] NOT NULL,
    exit_code         INTEGER,
    duration_ms       BIGINT,
    error_type        VARCHAR,
    actor_hash        VARCHAR NOT NULL,    -- HMAC-SHA256(salt, actor_id), 16 hex characters
    machine_hash      VARCHAR NOT NULL,
    session_hint_hash VARCHAR,
    ci_detected       BOOLEAN NOT NULL,
    sequence          BIGINT,
    source_format     VARCHAR NOT NULL     -- native | posthog | segment
);

-- Non-command events (sign-in, create, upgrade flows) kept for funnels (SPEC §4.4, §6.4).
CREATE TABLE flow_events (
    event_key         VARCHAR NOT NULL,
    run_id            INTEGER NOT NULL,
    ingest_seq        BIGINT NOT NULL,
    ts                TIMESTAMPTZ NOT NULL,
    event_name        VARCHAR NOT NULL,
    tool_name         VARCHAR NOT NULL,
    tool_version      VARCHAR,
    actor_hash        VARCHAR NOT NULL,
    machine_hash      VARCHAR NOT NULL,
    session_hint_hash VARCHAR,
    properties        JSON,                -- sanitized: only names and values that pass SPEC §4.1
    source_format     VARCHAR NOT NULL
);

-- Identity stitching: an alias ($create_alias, $identify, Segment alias) says two actor hashes are
-- one person. infer merges connected hashes into one actor, whenever the link arrived.
CREATE TABLE actor_links (
    actor_hash        VARCHAR NOT NULL,
    linked_hash       VARCHAR NOT NULL,
    run_id            INTEGER NOT NULL,
    PRIMARY KEY (actor_hash, linked_hash)
);
