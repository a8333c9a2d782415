-- What people ran after giving up: the commands most attempts of one funnel in scope that did not
-- complete were followed by (funnel_drop_off_commands). $1 tool, $2 since, $3 until,
-- $4 exclude CI, $5 funnel, $6 rows.
SELECT c.command, count(*) AS attempts
FROM funnel_drop_off_commands AS c
SEMI JOIN funnel_attempts_in_scope($1, $2, $3, $4, $5) AS a ON a.funnel = c.funnel AND a.attempt_id = c.attempt_id
WHERE c.funnel = $5
GROUP BY c.command
ORDER BY attempts DESC, c.command
LIMIT $6
