package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.sql.SharedAggregates;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Computes the maintainer's reports (versions, errors, trends) from the derived tables; nothing printed. */
public final class Insights {
    private Insights() {}

    public static VersionsReport versions(java.sql.Connection c, InferInfo infer, ReportFilter f, String workflow,
            int minRuns, Integer top) {
        checkWorkflow(c, workflow);
        return versions(f, infer, workflow, minRuns, Releases.compare(counts(c, f, workflow), minRuns), top);
    }

    /** The versions report of releases already compared ({@link #releases} for every workflow). */
    public static VersionsReport versions(ReportFilter f, InferInfo infer, String workflow, int minRuns,
            List<Releases.Release> all, Integer top) {
        return new VersionsReport(f, infer, workflow, minRuns, top == null ? all : Releases.newest(all, top));
    }

    /** The flagged regressions of every tool and workflow (the summary's versions section). */
    public static List<Releases.Release> regressions(java.sql.Connection c, ReportFilter f, int minRuns) {
        return regressions(releases(c, f, minRuns));
    }

    /** Every version of every tool and workflow, compared (what report versions lists without --workflow). */
    public static List<Releases.Release> releases(java.sql.Connection c, ReportFilter f, int minRuns) {
        return Releases.compare(counts(c, f, null), minRuns);
    }

    /** The flagged ones of {@code releases}. */
    public static List<Releases.Release> regressions(List<Releases.Release> releases) {
        return releases.stream().filter(Releases.Release::regression).toList();
    }

    /**
     * The same flags as {@link #regressions} from fewer numbers (check's no_regression names the
     * versions only): the counts carry no median, last seen or actors.
     */
    public static List<Releases.Release> flaggedVersions(java.sql.Connection c, ReportFilter f, int minRuns) {
        // without a filter, the counts infer stored are read; with one, the same SQL runs on the runs in scope
        List<Rows.Row> rows = f.isEmpty()
                ? Rows.query(c, "stored_version_counts.sql", List.of())
                : Rows.filtered(c, SharedAggregates.VERSION_COUNTS, f);
        List<Releases.Counts> counts = rows.stream()
                .map(r -> new Releases.Counts(r.text("tool_name"), r.text("tool_version"), r.count("runs"),
                        r.count("success_count"), r.count("failed_count"), null, r.instant("first_seen"), null, 0))
                .toList();
        return Releases.compare(counts, minRuns).stream().filter(Releases.Release::regression).toList();
    }

    private static List<Releases.Counts> counts(java.sql.Connection c, ReportFilter f, String workflow) {
        return Rows.filtered(c, "versions.sql", f, workflow).stream()
                .map(r -> new Releases.Counts(r.text("tool_name"), r.text("tool_version"), r.count("runs"),
                        r.count("success_count"), r.count("failed_count"), r.longOrNull("median_duration_ms"),
                        r.instant("first_seen"), r.instant("last_seen"), r.count("actors")))
                .toList();
    }

    public static ErrorsReport errors(java.sql.Connection c, InferInfo infer, ReportFilter f, String workflow, int top) {
        checkWorkflow(c, workflow);
        List<ErrorsReport.Error> all = Rows.filtered(c, "errors.sql", f, workflow, Integer.MAX_VALUE).stream()
                .map(r -> new ErrorsReport.Error(r.text("error_type"), r.count("failed_runs"), r.count("actors"),
                        r.count("recovered"), r.longOrNull("median_ms_to_recover"), r.longOrNull("p90_ms_to_recover"),
                        r.count("ci_runs"), releaseOrder(r.text("versions"))))
                .toList();
        List<ErrorsReport.Error> shown = all.subList(0, Math.min(top, all.size()));
        List<ErrorsReport.FixPath> fixes = Rows.filtered(c, "error_fix_paths.sql", f, workflow).stream()
                .map(r -> new ErrorsReport.FixPath(r.text("error_type"), r.count("rank"), r.text("fix_path"), r.count("runs")))
                .filter(p -> shown.stream().anyMatch(e -> java.util.Objects.equals(e.errorType(), p.errorType())))
                .sorted(Comparator.comparingInt((ErrorsReport.FixPath p) -> position(shown, p.errorType()))
                        .thenComparingLong(ErrorsReport.FixPath::rank))
                .toList();
        return new ErrorsReport(f, infer, workflow, all.stream().mapToLong(ErrorsReport.Error::failedRuns).sum(),
                all.stream().mapToLong(ErrorsReport.Error::recovered).sum(),
                all.stream().mapToLong(ErrorsReport.Error::ciRuns).sum(), shown, fixes);
    }

    public static TrendsReport trends(java.sql.Connection c, InferInfo infer, ReportFilter f, String workflow, String by) {
        checkWorkflow(c, workflow);
        return new TrendsReport(f, infer, workflow, by, Rows.filtered(c, "trends.sql", f, workflow, by).stream()
                .map(r -> new TrendsReport.Period(r.instant("period_start"), r.count("runs"), r.count("success_count"),
                        r.count("failed"), r.count("abandoned"), r.longOrNull("median_duration_ms"), r.count("actors")))
                .toList());
    }

    /** A --workflow no run has is an error with the closest names, as for `report workflow NAME`. */
    static void checkWorkflow(java.sql.Connection c, String workflow) {
        if (workflow == null) {
            return;
        }
        List<String> names = Rows.query(c, "workflow_names.sql", List.of()).stream()
                .map(r -> r.text("workflow_name")).toList();
        if (!names.contains(workflow)) {
            throw new CliAnalyticsException("no workflow named '" + workflow + "'" + Reports.suggestions(workflow, names));
        }
    }

    private static int position(List<ErrorsReport.Error> errors, String errorType) {
        for (int i = 0; i < errors.size(); i++) {
            if (java.util.Objects.equals(errors.get(i).errorType(), errorType)) {
                return i;
            }
        }
        return errors.size();
    }

    /** the versions (separated by U+001F, which no version holds) as "1.6.6, 1.7.0, nightly": semantic versions in order, then the rest by text. */
    static String releaseOrder(String versions) {
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        Comparator<String> order = Comparator.comparing((String v) -> Semver.parse(v) == null)
                .thenComparing((a, b) -> {
                    Semver sa = Semver.parse(a);
                    Semver sb = Semver.parse(b);
                    return sa == null || sb == null ? 0 : sa.compareTo(sb);
                })
                .thenComparing(Comparator.naturalOrder());
        return String.join(", ", Arrays.stream(versions.split("\u001f")).sorted(order).toList());
    }
}
