package dev.clianalytics.infer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What one infer run produced.
 *
 * @param outcomes workflow runs per outcome, in the order SUCCESS, FAILED, ABANDONED, IN_PROGRESS
 * @param asOf the instant that decided IN_PROGRESS; null when there were no events
 * @param timings time spent per SQL model, in the order they ran (for --verbose)
 */
public record InferResult(
        int inferId, long events, long sessions, long workflowRuns, Map<String, Long> outcomes, Instant asOf,
        Duration elapsed, Map<String, Duration> timings) {
    public static final java.util.List<String> OUTCOMES = java.util.List.of("SUCCESS", "FAILED", "ABANDONED", "IN_PROGRESS");

    public InferResult {
        outcomes = Map.copyOf(outcomes);
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }
}
