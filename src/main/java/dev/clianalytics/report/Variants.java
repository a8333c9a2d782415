package dev.clianalytics.report;

import java.util.List;

/**
 * `report variants WORKFLOW`: the workflow's distinct step sequences, most frequent first, and
 * the rest as one row. Durations are over SUCCESS runs, like the workflow report's median.
 */
public record Variants(String workflowName, boolean collapseRetries, ReportFilter filter, InferInfo infer,
        long totalRuns, List<Variant> shown, Other other) {

    public record Variant(long rank, String fingerprint, long runs, long successCount, Long medianDurationMs) {}

    /** The variants after the shown ones, together (all zero and null when none are left). */
    public record Other(long variants, long runs, long successCount, Long medianDurationMs) {}

    /** `report variants` without a workflow: each workflow's variant count and most frequent variant. */
    public record Overview(boolean collapseRetries, ReportFilter filter, InferInfo infer, List<Workflow> workflows) {}

    public record Workflow(String workflowName, long runs, long variants, String topFingerprint, long topRuns) {}
}
