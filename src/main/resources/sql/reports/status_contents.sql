-- What the database holds, as one row: its schema version and the rows of the tables ingest fills.
WITH
-- the schema version the migrations brought the database to
schema AS (
    SELECT max(version) AS schema_version FROM schema_version
),
-- stored rows per table: command events, Segment flow events, identity links, sign-ins
stored AS (
    SELECT (SELECT count(*) FROM events) AS events,
           (SELECT count(*) FROM flow_events) AS flow_events,
           (SELECT count(*) FROM actor_links) AS identity_links,
           (SELECT count(*) FROM sign_ins) AS sign_ins
)
SELECT * FROM schema, stored
