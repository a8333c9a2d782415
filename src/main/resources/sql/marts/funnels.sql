-- The funnels infer computed, from its settings (infer_funnels), so reports know every funnel,
-- its window and breakdown, even one without attempts.
SELECT funnel, position, window_ms, breakdown, builtin, step_count, failure_events
FROM infer_funnels
