-- workflow_steps stored as keys (infer's largest write): a step's names, roles and the n-grams
-- ending at it (SPEC §5.2, §5.4) are the same wherever its (two steps back, one step back, this
-- step) triple occurs, so they are stored once per triple in workflow_step_triples, and each step
-- row keeps the triple's key. workflow_steps becomes a view joining the two, with the same columns.

-- One row per event of a run, in order (SPEC §5.2), with the key of its step triple.
CREATE TABLE workflow_step_rows (
    workflow_run_id     BIGINT NOT NULL,
    position            INTEGER NOT NULL,      -- from 1
    ingest_seq          BIGINT NOT NULL,       -- the event (events.ingest_seq)
    ts                  TIMESTAMPTZ NOT NULL,
    exit_code           INTEGER,
    duration_ms         BIGINT,
    error_type          VARCHAR,
    triple_key          UBIGINT NOT NULL       -- workflow_step_triples
);

-- One row per distinct step triple within runs: this step, the one before it and the one before that.
CREATE TABLE workflow_step_triples (
    triple_key          UBIGINT NOT NULL,      -- a 64-bit hash of the triple
    step                VARCHAR NOT NULL,      -- tool/sub/cmd, without flags
    step_with_flags     VARCHAR NOT NULL,      -- as in the fingerprint
    is_entry            BOOLEAN NOT NULL,
    is_terminal         BOOLEAN NOT NULL,
    ngram2              VARCHAR,               -- previous step -> this step, null at position 1
    ngram3              VARCHAR                -- two previous steps -> this step, null before position 3
);

-- the steps an earlier infer wrote are kept (the next infer rewrites them with its own keys)
INSERT INTO workflow_step_triples
SELECT DISTINCT hash(step, step_with_flags, is_entry, is_terminal, ngram2, ngram3), step, step_with_flags,
       is_entry, is_terminal, ngram2, ngram3
FROM workflow_steps;

INSERT INTO workflow_step_rows
SELECT workflow_run_id, position, ingest_seq, ts, exit_code, duration_ms, error_type,
       hash(step, step_with_flags, is_entry, is_terminal, ngram2, ngram3)
FROM workflow_steps;

DROP VIEW v_workflow_steps;
DROP TABLE workflow_steps;

-- One row per event of a run, in order (SPEC §5.2); the n-grams end at this step (SPEC §5.4).
CREATE VIEW workflow_steps AS
SELECT r.workflow_run_id, r.position, r.ingest_seq, r.ts, t.step, t.step_with_flags, t.is_entry, t.is_terminal,
       r.exit_code, r.duration_ms, r.error_type, t.ngram2, t.ngram3
FROM workflow_step_rows AS r
JOIN workflow_step_triples AS t USING (triple_key);

CREATE VIEW v_workflow_steps AS
SELECT r.workflow_name, r.outcome AS run_outcome, s.workflow_run_id, s.position, s.ts, s.step_with_flags AS step,
       s.exit_code, to_milliseconds(s.duration_ms) AS duration, s.error_type, s.is_entry, s.is_terminal,
       e.event_key
FROM workflow_steps AS s
JOIN workflow_runs AS r USING (workflow_run_id)
JOIN events AS e USING (ingest_seq);
