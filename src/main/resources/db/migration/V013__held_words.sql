-- Schema 13: rare command words and flag names held back (docs/ingest.md, "Rare words held back").

-- (token, actor hash) of each word still held back: kept only until the word's k-th actor comes,
-- then deleted by the ingest that reveals it. Tokens and hashes only, never a word.
CREATE TABLE held_words (
    token VARCHAR NOT NULL,
    actor_hash VARCHAR NOT NULL,
    PRIMARY KEY (token, actor_hash)
);

-- words revealed (k actors reached): they are in clear in the events already, and a later ingest
-- stores them in clear at once (a re-ingested file keeps its events' content)
CREATE TABLE clear_words (
    word VARCHAR PRIMARY KEY
);

-- the ledger: distinct command words and flag names of the run held back at its end, and revealed by it
ALTER TABLE ingest_runs ADD COLUMN words_held_back BIGINT;
ALTER TABLE ingest_runs ADD COLUMN words_revealed BIGINT;

-- events of earlier builds: their words stay as stored (the upgrade needs the salt to take them
-- back, which SQL migrations do not have; docs/ingest.md), and count as revealed
INSERT INTO clear_words
SELECT DISTINCT w FROM (
    SELECT unnest(command_path[2:]) AS w FROM events
    UNION ALL
    SELECT unnest(flags_present) AS w FROM events
) WHERE w IS NOT NULL AND w <> '[redacted]';
