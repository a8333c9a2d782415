-- The columns of a table or view ($1) that hold instants, in column order: text formats write them
-- as ISO-8601 UTC.
SELECT column_name
FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = $1 AND data_type = 'TIMESTAMP WITH TIME ZONE'
ORDER BY ordinal_position
