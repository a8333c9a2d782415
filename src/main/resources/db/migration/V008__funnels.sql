-- Schema 8: funnels (docs/funnels.md). infer computes them with the other derived tables, in the
-- same transaction, from flow_events and events; reports only read these tables.

-- The funnels file an infer used and its content, as for workflows (null/built-in before schema 8).
ALTER TABLE infer_runs ADD COLUMN funnels_file VARCHAR;       -- base name of --funnels, null for the built-in ones
ALTER TABLE infer_runs ADD COLUMN funnels_config JSON;        -- the funnels used, keys as in the file

-- One row per funnel infer computed, in the order of the settings.
CREATE TABLE funnels (
    funnel          VARCHAR NOT NULL,
    position        INTEGER NOT NULL,      -- from 1, built-in funnels first
    window_ms       BIGINT NOT NULL,
    breakdown       VARCHAR,               -- property of the first step's event, null for none
    builtin         BOOLEAN NOT NULL,      -- a built-in funnel (listed only when it has attempts)
    step_count      INTEGER NOT NULL,
    failure_events  VARCHAR[] NOT NULL
);

-- One row per step of a funnel.
CREATE TABLE funnel_steps (
    funnel          VARCHAR NOT NULL,
    step            INTEGER NOT NULL,      -- from 1
    step_name       VARCHAR NOT NULL       -- the step's name, else its event, else its command words
);

-- One row per attempt (docs/funnels.md, "Semantics").
CREATE TABLE funnel_attempts (
    funnel          VARCHAR NOT NULL,
    attempt_id      BIGINT NOT NULL,       -- from 1 per funnel, in (start, actor) order
    actor_hash      VARCHAR NOT NULL,      -- after identity stitching
    started_at      TIMESTAMPTZ NOT NULL,
    ended_at        TIMESTAMPTZ NOT NULL,  -- the actor's next start, else start + window
    end_reason      VARCHAR NOT NULL,      -- next_attempt | window
    tool_name       VARCHAR NOT NULL,      -- of the first step's event
    tool_version    VARCHAR,
    ci_detected     BOOLEAN NOT NULL,
    properties      JSON,                  -- of the first step's event (breakdowns)
    steps_reached   INTEGER NOT NULL,
    step_times      TIMESTAMPTZ[] NOT NULL,-- when each reached step was reached, step 1 first
    outcome         VARCHAR NOT NULL,      -- completed | failed | dropped
    failure_class   VARCHAR                -- error_class of the attempt's first failure event, else its name (failed only)
);

-- The commands an actor ran after an attempt that did not complete: within the funnel's window
-- after the last step reached, each command once per attempt.
CREATE TABLE funnel_drop_off_commands (
    funnel          VARCHAR NOT NULL,
    attempt_id      BIGINT NOT NULL,
    command         VARCHAR NOT NULL       -- the command path, words joined by spaces
);
