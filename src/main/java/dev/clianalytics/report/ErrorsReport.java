package dev.clianalytics.report;

import java.util.List;

/**
 * `report errors`: the error types of failed runs, how often the same actor recovered and how
 * long that took, and the fix paths (fingerprints of the runs that recovered). The totals cover
 * every failed run in scope, not only the listed types.
 */
public record ErrorsReport(ReportFilter filter, InferInfo infer, String workflow,
        long failedRuns, long recoveredRuns, long ciRuns, List<Error> errors, List<FixPath> fixPaths) {

    /** versions: the tool versions the error occurred in, in release order, comma-separated. */
    public record Error(String errorType, long failedRuns, long actors, long recovered, Long medianMsToRecover,
            Long p90MsToRecover, long ciRuns, String versions) {}

    public record FixPath(String errorType, long rank, String fixPath, long runs) {}
}
