-- Schema 2: what infer derives from events (SPEC §5). infer empties and refills these tables in
-- one transaction, so they always describe all stored events under one set of settings.

-- One row per infer run: the settings the derived tables were computed with.
CREATE TABLE infer_runs (
    infer_id            INTEGER PRIMARY KEY,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ NOT NULL,
    session_timeout_ms  BIGINT NOT NULL,
    as_of               TIMESTAMPTZ,           -- the instant used to decide IN_PROGRESS
    as_of_given         BOOLEAN NOT NULL,      -- false: as_of was the latest event end
    workflows_file      VARCHAR,               -- base name of --workflows, null for the defaults
    workflows_config    JSON NOT NULL,         -- the entry/terminal sets and custom names used
    last_ingest_run_id  INTEGER,               -- the newest ingest run these results include
    events              BIGINT NOT NULL,
    sessions            BIGINT NOT NULL,
    workflow_runs       BIGINT NOT NULL
);

-- One row per session (SPEC §5.1).
CREATE TABLE sessions (
    session_id          BIGINT PRIMARY KEY,    -- dense, in (actor, machine, start) order
    actor_hash          VARCHAR NOT NULL,      -- after identity stitching (actor_links)
    machine_hash        VARCHAR NOT NULL,
    session_hint_hash   VARCHAR,
    ci_detected         BOOLEAN NOT NULL,
    split_reason        VARCHAR NOT NULL,      -- first | inactivity | hint_change | ci_change
    started_at          TIMESTAMPTZ NOT NULL,
    ended_at            TIMESTAMPTZ NOT NULL,  -- last event's timestamp + duration_ms
    event_count         BIGINT NOT NULL,
    tools               VARCHAR[] NOT NULL     -- distinct tool names, sorted
);

-- One row per workflow run (SPEC §5.2, §5.3).
CREATE TABLE workflow_runs (
    workflow_run_id     BIGINT PRIMARY KEY,    -- dense, in (session, start) order
    session_id          BIGINT NOT NULL,
    actor_hash          VARCHAR NOT NULL,
    machine_hash        VARCHAR NOT NULL,
    ci_detected         BOOLEAN NOT NULL,
    tool_name           VARCHAR NOT NULL,
    tool_version        VARCHAR,               -- of the run's first event
    workflow_name       VARCHAR NOT NULL,
    outcome             VARCHAR NOT NULL,      -- SUCCESS | FAILED | ABANDONED | IN_PROGRESS
    started_at          TIMESTAMPTZ NOT NULL,
    ended_at            TIMESTAMPTZ NOT NULL,  -- last event's timestamp + duration_ms (missing = 0)
    duration_ms         BIGINT NOT NULL,
    step_count          INTEGER NOT NULL,
    fingerprint         VARCHAR NOT NULL,      -- steps joined by ' -> ', flags sorted in [..]
    last_exit_code      INTEGER,
    last_error_type     VARCHAR,
    recovered           BOOLEAN NOT NULL,      -- FAILED, and a later SUCCESS of the same name in the session
    time_to_recover_ms  BIGINT                 -- this run's end to that SUCCESS run's end
);

-- One row per event of a run, in order (SPEC §5.2); the n-grams end at this step (SPEC §5.4).
CREATE TABLE workflow_steps (
    workflow_run_id     BIGINT NOT NULL,
    position            INTEGER NOT NULL,      -- from 1
    event_key           VARCHAR NOT NULL,
    ts                  TIMESTAMPTZ NOT NULL,
    step                VARCHAR NOT NULL,      -- tool/sub/cmd, without flags
    step_with_flags     VARCHAR NOT NULL,      -- as in the fingerprint
    is_entry            BOOLEAN NOT NULL,
    is_terminal         BOOLEAN NOT NULL,
    exit_code           INTEGER,
    duration_ms         BIGINT,
    error_type          VARCHAR,
    ngram2              VARCHAR,               -- previous step -> this step, null at position 1
    ngram3              VARCHAR,               -- two previous steps -> this step, null before position 3
    PRIMARY KEY (workflow_run_id, position)
);

-- Fingerprints of FAILED runs (SPEC §5.4), ranked; ties by fingerprint ascending.
CREATE TABLE hot_paths_fingerprint (
    rank                INTEGER NOT NULL,
    fingerprint         VARCHAR NOT NULL,
    failure_count       BIGINT NOT NULL,
    workflow_name       VARCHAR NOT NULL,      -- most frequent name among those runs, ties by name
    distinct_actors     BIGINT NOT NULL
);

-- Step sequences of 1-3 steps ending at a failing event (exit code non-zero) (SPEC §5.4), ranked.
CREATE TABLE hot_paths_ngram (
    rank                INTEGER NOT NULL,
    ngram               VARCHAR NOT NULL,      -- steps without flags joined by ' -> '
    n                   INTEGER NOT NULL,
    failure_count       BIGINT NOT NULL,
    occurrence_count    BIGINT NOT NULL,       -- every step sequence equal to ngram, failing or not
    failure_rate        DOUBLE NOT NULL,       -- failure_count / occurrence_count
    distinct_actors     BIGINT NOT NULL,       -- actors with a failure on it
    top_error_type      VARCHAR                -- most common error_type of those failures, ties by text
);
