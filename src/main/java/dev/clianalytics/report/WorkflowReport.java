package dev.clianalytics.report;

import java.time.Instant;
import java.util.List;

/** `report workflow NAME` (SPEC §6.2). Durations are over SUCCESS runs, like the summary's median. */
public record WorkflowReport(
        String name, ReportFilter filter, InferInfo infer,
        long totalRuns, long success, long failed, long abandoned, long inProgress, long recovered,
        Long medianDurationMs, Long p90DurationMs,
        List<Path> commonPaths, List<Stop> stops, List<ErrorCount> errors, List<SourceCount> failureSources,
        List<StatusCount> failureStatuses, List<Version> versions, List<Run> recentRuns) {

    /** Common paths listed when --top is not given: the seed system's number (the other lists follow --top's 10). */
    public static final int DEFAULT_COMMON_PATHS = 5;

    public record Path(String fingerprint, long runs, long successCount, long failedCount) {}

    public record Stop(long stoppedAfterStep, long runs, long success, long failed, long abandoned, long inProgress) {}

    public record ErrorCount(String errorType, long failedRuns) {}

    /** Failed runs whose failing event named this error_source ('unknown' when it named none). */
    public record SourceCount(String errorSource, long failedRuns) {}

    /** Failed runs whose failing event carried this http_status (runs without one are not listed). */
    public record StatusCount(long httpStatus, long failedRuns) {}

    /** One (tool, version): a workflow name can span tools (kubectl and terraform both end runs with apply). */
    public record Version(String toolName, String toolVersion, long totalRuns, long successCount, long failedCount) {}

    public record Run(long id, String outcome, Instant startedAt, long durationMs, long stepCount) {}
}
