-- One funnel's attempts in scope by outcome. $1 tool, $2 since, $3 until, $4 exclude CI, $5 funnel.
SELECT count(*) AS attempts,
       count(*) FILTER (WHERE outcome = 'completed') AS completed,
       count(*) FILTER (WHERE outcome = 'failed') AS failed_attempts
FROM funnel_attempts_in_scope($1, $2, $3, $4, $5)
