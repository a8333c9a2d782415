-- Schema 14: the rare-word rule applied to the events of earlier builds (docs/ingest.md, "Rare words
-- held back", *Upgrade*). Taking a stored word back into its token needs the salt, which only the
-- writing commands have: this script leaves the work pending, and the first ingest or infer on the
-- database does it (WordTakeBack), then rewrites the file so that no freed block keeps a word.
-- Reports refuse a database while it is pending.

-- One row. state: 'pending' (words to look at), 'rewrite' (taken back; the file is still to be
-- rewritten) or 'done'. words_taken_back: distinct command words and flag names replaced by their
-- token; events_changed: stored events that held one; finished_at: when the take-back committed.
CREATE TABLE word_upgrade (
    state VARCHAR NOT NULL,
    words_taken_back BIGINT,
    events_changed BIGINT,
    finished_at TIMESTAMPTZ
);

-- runs of a build before schema 13 stored every word in clear (their words_held_back is NULL); a
-- database without such runs has nothing to take back
INSERT INTO word_upgrade
SELECT CASE WHEN pending THEN 'pending' ELSE 'done' END,
       CASE WHEN pending THEN NULL ELSE 0 END, CASE WHEN pending THEN NULL ELSE 0 END, NULL
FROM (SELECT EXISTS (SELECT 1 FROM ingest_runs WHERE words_held_back IS NULL) AS pending);
