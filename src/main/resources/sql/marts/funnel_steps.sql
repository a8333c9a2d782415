-- The steps of each funnel with the names reports show (infer_funnel_steps).
SELECT funnel, step, step_name
FROM infer_funnel_steps
