-- Schema 7: every record of an input file accounted for (docs/formats.md, "Every line accounted
-- for"): records = accepted + merged + flow_events + links + ignored + duplicates + conflicts +
-- rejected, per file and per run. Duplicates and conflicts now count flow events and identity calls
-- too. Files and runs recorded by an earlier build have NULL where that build did not count.

-- Per file: the records read (one per event of a line; a line rejected as a whole, and the rejected
-- records of a line, count once), lifecycle calls merged into their invocation's command event, flow
-- events stored, identity calls that stored a new link or sign-in, events ignored (counted by name).
ALTER TABLE ingest_files ADD COLUMN records BIGINT;
ALTER TABLE ingest_files ADD COLUMN merged BIGINT;
ALTER TABLE ingest_files ADD COLUMN flow_events BIGINT;
ALTER TABLE ingest_files ADD COLUMN links BIGINT;
ALTER TABLE ingest_files ADD COLUMN ignored BIGINT;

-- Per run: the same totals, and the flag names not kept (malformed, or naming a secret: §4.1).
ALTER TABLE ingest_runs ADD COLUMN records BIGINT;
ALTER TABLE ingest_runs ADD COLUMN merged BIGINT;
ALTER TABLE ingest_runs ADD COLUMN flow_events BIGINT;
ALTER TABLE ingest_runs ADD COLUMN links BIGINT;
ALTER TABLE ingest_runs ADD COLUMN flags_dropped BIGINT;

-- what earlier runs stored is known from the tables themselves (for links: the pairs they stored)
UPDATE ingest_runs SET flow_events = (SELECT count(*) FROM flow_events AS f WHERE f.run_id = ingest_runs.run_id);
UPDATE ingest_runs SET links = (SELECT count(*) FROM actor_links AS l WHERE l.run_id = ingest_runs.run_id);
