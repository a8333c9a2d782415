-- The rare-word rule's count (docs/ingest.md, "Rare words held back"), over the job's first pass
-- (TEMP VIEW first_pass: StagedRows, every command word after the tool name and every flag name
-- that is not known staged as its token): each token and whether its distinct actors reach k
-- (${k}, SparkJob). Counted over every command event the staging accepted (native lines and the
-- events PostHog and Segment lines mapped), duplicates and conflicts included, as ingest counts them. Tokens and actor hashes only: the words never leave their task.
SELECT w AS token, count(DISTINCT actor_hash) >= ${k} AS revealed
FROM (
    SELECT explode(concat(slice(command_path, 2, size(command_path)), flags_present)) AS w, actor_hash
    FROM first_pass
    WHERE kind IN ('line', 'event') AND event_key IS NOT NULL AND reason IS NULL
) AS words
WHERE startswith(w, '~')
GROUP BY w
