-- Every workflow name infer found, for checking a name and suggesting the closest ones.
SELECT DISTINCT workflow_name FROM workflow_runs ORDER BY workflow_name
