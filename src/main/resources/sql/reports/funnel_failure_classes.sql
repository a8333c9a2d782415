-- The error classes of one funnel's failed attempts in scope (the error_class of each attempt's
-- first failure event; none last). $1 tool, $2 since, $3 until, $4 exclude CI, $5 funnel, $6 rows.
SELECT failure_class AS error_class, count(*) AS failed_attempts
FROM funnel_attempts_in_scope($1, $2, $3, $4, $5)
WHERE outcome = 'failed'
GROUP BY failure_class
ORDER BY failed_attempts DESC, failure_class NULLS LAST
LIMIT $6
