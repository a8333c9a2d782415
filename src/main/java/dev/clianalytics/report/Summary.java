package dev.clianalytics.report;

import java.time.Instant;
import java.util.List;

/** `report summary` (SPEC §6.1). */
public record Summary(
        ReportFilter filter, InferInfo infer, Totals totals, List<WorkflowStats> topWorkflows, HotPaths hotPaths,
        List<Releases.Release> regressions) {

    /** Counts over what the filter keeps; rejectedLines always covers every ingest (rejects have no time or tool). */
    public record Totals(
            long events, long sessions, long workflowRuns, long actors, long machines, long tools, long rejectedLines,
            Instant firstEventAt, Instant lastEventAt, long ciEvents,
            long success, long failed, long abandoned, long inProgress, long recovered, Long medianTimeToRecoverMs) {}

    public record WorkflowStats(
            String name, long totalRuns, long successCount, long failedCount, long abandonedCount, long inProgressCount,
            Long medianDurationMs) {}
}
