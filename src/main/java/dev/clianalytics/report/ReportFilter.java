package dev.clianalytics.report;

import java.time.Instant;

/**
 * Restricts a report to part of the data: one tool, runs/events starting in [since, until), and
 * optionally no CI. Null members mean "no restriction".
 */
public record ReportFilter(String tool, Instant since, Instant until, boolean excludeCi) {
    public static final ReportFilter NONE = new ReportFilter(null, null, null, false);

    public boolean isEmpty() {
        return tool == null && since == null && until == null && !excludeCi;
    }
}
