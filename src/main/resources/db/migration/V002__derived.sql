-- Schema 2: what infer derives from events (SPEC §5). infer empties and refills these tables in
-- one transaction, so they always describe all stored events under one set of settings.
-- Identifiers are unique by construction (infer's tests check it); no index is kept on them
-- because rebuilding an index over millions of rows on every infer costs more than it saves.

-- One row per infer run: the settings the derived tables were computed with. The newest row
-- (highest infer_id) describes the tables as they are.
CREATE TABLE infer_runs (
    infer_id            INTEGER PRIMARY KEY,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ NOT NULL,
    session_timeout_ms  BIGINT NOT NULL,
    as_of               TIMESTAMPTZ,           -- the instant used to decide IN_PROGRESS; null without events
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
    session_id          BIGINT NOT NULL,       -- dense from 1, in (actor, machine, start) order
    actor_hash          VARCHAR NOT NULL,      -- after identity stitching (actor_links)
    machine_hash        VARCHAR NOT NULL,
    session_hint_hash   VARCHAR,
    ci_detected         BOOLEAN NOT NULL,
    split_reason        VARCHAR NOT NULL,      -- first | inactivity | hint_change | ci_change
    started_at          TIMESTAMPTZ NOT NULL,
    ended_at            TIMESTAMPTZ NOT NULL,  -- last event's timestamp + duration_ms
    event_count         BIGINT NOT NULL,
    workflow_run_count  BIGINT NOT NULL,
    tools               VARCHAR[] NOT NULL     -- distinct tool names, sorted
);

-- One row per workflow run (SPEC §5.2, §5.3).
CREATE TABLE workflow_runs (
    workflow_run_id     BIGINT NOT NULL,       -- dense from 1, in (session, start) order
    session_id          BIGINT NOT NULL,
    actor_hash          VARCHAR NOT NULL,      -- after identity stitching
    machine_hash        VARCHAR NOT NULL,
    ci_detected         BOOLEAN NOT NULL,
    tool_name           VARCHAR NOT NULL,
    tool_version        VARCHAR,               -- of the run's last event (the one that decided the outcome)
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
    time_to_recover_ms  BIGINT                 -- this run's end to that SUCCESS run's end (never negative)
);

-- One row per event of a run, in order (SPEC §5.2); the n-grams end at this step (SPEC §5.4).
CREATE TABLE workflow_steps (
    workflow_run_id     BIGINT NOT NULL,
    position            INTEGER NOT NULL,      -- from 1
    ingest_seq          BIGINT NOT NULL,       -- the event (events.ingest_seq)
    ts                  TIMESTAMPTZ NOT NULL,
    step                VARCHAR NOT NULL,      -- tool/sub/cmd, without flags
    step_with_flags     VARCHAR NOT NULL,      -- as in the fingerprint
    is_entry            BOOLEAN NOT NULL,
    is_terminal         BOOLEAN NOT NULL,
    exit_code           INTEGER,
    duration_ms         BIGINT,
    error_type          VARCHAR,
    ngram2              VARCHAR,               -- previous step -> this step, null at position 1
    ngram3              VARCHAR                -- two previous steps -> this step, null before position 3
);

-- Fingerprints of FAILED runs (SPEC §5.4), ranked; ties by fingerprint ascending.
CREATE TABLE hot_paths_fingerprint (
    rank                INTEGER NOT NULL,
    fingerprint         VARCHAR NOT NULL,
    failure_count       BIGINT NOT NULL,
    workflow_name       VARCHAR NOT NULL,      -- most frequent name among those runs, ties by name
    distinct_actors     BIGINT NOT NULL
);

-- Step sequences of 1-3 steps ending at a failing event (exit code non-zero) (SPEC §5.4), ranked
-- by failure_count, ties by ngram ascending.
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

-- Readable views for people who open the database in the duckdb CLI: durations as intervals,
-- names first, newest infer settings in one row.
CREATE VIEW v_sessions AS
SELECT session_id, started_at, ended_at, to_milliseconds(epoch_ms(ended_at) - epoch_ms(started_at)) AS duration,
       event_count, workflow_run_count, array_to_string(tools, ', ') AS tools, split_reason, ci_detected,
       actor_hash, machine_hash, session_hint_hash
FROM sessions;

CREATE VIEW v_workflow_runs AS
SELECT workflow_run_id, workflow_name, outcome, tool_name, tool_version, started_at, ended_at,
       to_milliseconds(duration_ms) AS duration, step_count, fingerprint, last_exit_code, last_error_type,
       recovered, to_milliseconds(time_to_recover_ms) AS time_to_recover, ci_detected, session_id,
       actor_hash, machine_hash
FROM workflow_runs;

CREATE VIEW v_workflow_steps AS
SELECT r.workflow_name, r.outcome AS run_outcome, s.workflow_run_id, s.position, s.ts, s.step_with_flags AS step,
       s.exit_code, to_milliseconds(s.duration_ms) AS duration, s.error_type, s.is_entry, s.is_terminal,
       e.event_key
FROM workflow_steps AS s
JOIN workflow_runs AS r USING (workflow_run_id)
JOIN events AS e USING (ingest_seq);

CREATE VIEW v_hot_paths_fingerprint AS
SELECT rank, failure_count, workflow_name, distinct_actors, fingerprint
FROM hot_paths_fingerprint;

CREATE VIEW v_hot_paths_ngram AS
SELECT rank, ngram, failure_count, occurrence_count, round(100 * failure_rate, 2) AS failure_pct,
       distinct_actors, top_error_type
FROM hot_paths_ngram;

CREATE VIEW v_infer_settings AS
SELECT infer_id, finished_at, to_milliseconds(session_timeout_ms) AS session_timeout, as_of, as_of_given,
       workflows_file, workflows_config, last_ingest_run_id, events, sessions, workflow_runs
FROM infer_runs
ORDER BY infer_id DESC
LIMIT 1;
