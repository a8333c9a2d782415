-- Words of the stored events that the rare-word rule would hold back (WordTakeBack): a command-path
-- word after the tool name, or a flag name, stored in clear and seen from fewer than $1 distinct
-- actors. The caller leaves out the known words (settings, --commands) and computes the tokens.
WITH words AS (
    SELECT unnest(list_concat(command_path[2:], flags_present)) AS word, actor_hash FROM events
)
SELECT word
FROM words
WHERE word <> '[redacted]' AND NOT starts_with(word, '~')
GROUP BY word
HAVING count(DISTINCT actor_hash) < $1::BIGINT
ORDER BY word
