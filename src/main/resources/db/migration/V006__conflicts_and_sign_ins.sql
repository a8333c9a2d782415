-- Schema 6: conflicting event ids counted apart from duplicates, and sign-ins with their time.

-- Events whose event_id was already stored (or seen earlier in the run) with other content: the
-- first is kept, later ones are conflicts, reported with reason conflicting_event_id, never stored.
ALTER TABLE ingest_runs ADD COLUMN conflicts BIGINT DEFAULT 0;
ALTER TABLE ingest_files ADD COLUMN conflicts BIGINT DEFAULT 0;

-- When an anonymous id was aliased to a known actor (PostHog $create_alias and $identify, Segment
-- alias and identify): the device that signed in. infer takes the anonymous id as the machine of
-- that actor's later events that carry no machine of their own (specification §5.1), so a sign-in
-- does not split a session. actor_links keeps the pair for identity stitching as before.
CREATE TABLE sign_ins (
    actor_hash        VARCHAR NOT NULL,    -- the known id (distinct_id, userId), hashed
    anon_hash         VARCHAR NOT NULL,    -- the anonymous id aliased to it, hashed
    ts                TIMESTAMPTZ NOT NULL,
    run_id            INTEGER NOT NULL,
    PRIMARY KEY (actor_hash, anon_hash, ts)
);
