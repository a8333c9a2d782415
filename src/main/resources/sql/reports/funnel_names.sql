-- The funnels infer computed, in the order of the settings, with their window and breakdown.
SELECT funnel, window_ms, breakdown, step_count FROM funnels ORDER BY position
