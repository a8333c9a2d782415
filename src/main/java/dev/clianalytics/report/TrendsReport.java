package dev.clianalytics.report;

import java.time.Instant;
import java.util.List;

/** `report trends`: workflow runs per UTC day or week (Monday to Sunday), oldest first. */
public record TrendsReport(ReportFilter filter, InferInfo infer, String workflow, String by, List<Period> periods) {

    public record Period(Instant start, long runs, long successCount, long failed, long abandoned,
            Long medianDurationMs, long actors) {}
}
