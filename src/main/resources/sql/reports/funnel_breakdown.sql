-- One funnel's attempts in scope by a value of the first step's event: $6 is 'version' (the tool
-- version), 'ci' (true/false) or a property name. $1 tool, $2 since, $3 until, $4 exclude CI,
-- $5 funnel, $7 rows; most attempts first, then by value (none last).
WITH
-- each attempt with its value
valued AS (
    SELECT outcome,
           CASE WHEN $6 = 'version' THEN tool_version
                WHEN $6 = 'ci' THEN ci_detected::VARCHAR
                ELSE properties->>$6 END AS value
    FROM funnel_attempts_in_scope($1, $2, $3, $4, $5)
)
-- per value
SELECT value, count(*) AS attempts,
       count(*) FILTER (WHERE outcome = 'completed') AS completed,
       count(*) FILTER (WHERE outcome = 'failed') AS failed_attempts
FROM valued
GROUP BY value
ORDER BY attempts DESC, value NULLS LAST
LIMIT $7
