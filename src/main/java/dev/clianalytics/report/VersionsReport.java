package dev.clianalytics.report;

import java.util.List;

/** `report versions`: every tool version's outcomes in release order, regressions flagged (Releases). */
public record VersionsReport(ReportFilter filter, InferInfo infer, String workflow, int minRuns,
        List<Releases.Release> versions) {}
