package dev.clianalytics.report;

import java.time.Instant;
import java.util.List;

/** `report summary` (SPEC §6.1). */
public record Summary(
        ReportFilter filter, InferInfo infer, Totals totals, List<WorkflowStats> topWorkflows, HotPaths hotPaths,
        List<Releases.Release> regressions) {

    /** Counts over what the filter keeps; {@code ingested} always covers every ingest (InferInfo.Ingested). */
    public record Totals(
            long events, long sessions, long workflowRuns, long actors, long machines, long tools,
            InferInfo.Ingested ingested,
            Instant firstEventAt, Instant lastEventAt, long ciEvents,
            long success, long failed, long abandoned, long inProgress, long recovered, Long medianTimeToRecoverMs) {}

    public record WorkflowStats(
            String name, long totalRuns, long successCount, long failedCount, long abandonedCount, long inProgressCount,
            Long medianDurationMs) {}
}
