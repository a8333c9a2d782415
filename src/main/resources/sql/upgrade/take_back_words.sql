-- After the events hold the tokens: each taken-back word's (token, actor hash) pairs are kept as an
-- ingest keeps those of a word it holds back, the words leave clear_words, and every word still in
-- clear in the events (known, or from k actors) is remembered there as revealed.
INSERT INTO held_words
SELECT DISTINCT w.word, w.actor_hash
FROM (SELECT unnest(list_concat(command_path[2:], flags_present)) AS word, actor_hash FROM events) AS w
SEMI JOIN (SELECT token AS word FROM ca_take_back) AS t USING (word)
WHERE w.actor_hash IS NOT NULL
ON CONFLICT DO NOTHING;

DELETE FROM clear_words WHERE word IN (SELECT word FROM ca_take_back);

INSERT INTO clear_words
SELECT DISTINCT word
FROM (SELECT unnest(list_concat(command_path[2:], flags_present)) AS word FROM events)
WHERE word <> '[redacted]' AND NOT starts_with(word, '~')
ON CONFLICT DO NOTHING;
