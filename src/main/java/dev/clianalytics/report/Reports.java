package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.sql.SharedAggregates;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;

/** Computes the reports from the derived tables; a few queries each, nothing printed. */
public final class Reports {
    private Reports() {}

    /**
     * The summary: its regressed releases from the counts their flags and columns need
     * (sql/marts/version_counts.sql, as check's no_regression; stored by infer, read when unfiltered),
     * not the whole comparison of report versions
     * (medians and distinct actors per version, which the summary does not show, tripled its time).
     */
    public static Summary summary(Connection c, InferInfo infer, ReportFilter f, int top) {
        return summary(c, infer, f, top, Insights.flaggedVersions(c, f, Releases.DEFAULT_MIN_RUNS));
    }

    /** The summary with its versions section given (flagged regressions at the default run threshold). */
    public static Summary summary(Connection c, InferInfo infer, ReportFilter f, int top, List<Releases.Release> regressions) {
        // without a filter, the aggregates infer stored are read; with one, the same SQL runs on the runs in scope
        List<Rows.Row> totalsRows = f.isEmpty()
                ? Rows.query(c, "stored_summary_totals.sql", List.of())
                : Rows.filtered(c, SharedAggregates.SUMMARY_TOTALS, f);
        if (totalsRows.isEmpty()) {
            throw new CliAnalyticsException("the stored summary is missing (the database was upgraded after infer ran):"
                    + " run 'cli-analytics infer' again");
        }
        Rows.Row t = totalsRows.get(0);
        Summary.Totals totals = new Summary.Totals(
                t.count("events"), t.count("sessions"), t.count("workflow_runs"), t.count("actors"),
                t.count("machines"), t.count("tools"), infer.ingested(),
                t.instant("first_event_at"), t.instant("last_event_at"), t.count("ci_events"),
                t.count("success_runs"), t.count("failed_runs"), t.count("abandoned_runs"), t.count("in_progress_runs"),
                t.count("recovered_runs"), t.longOrNull("median_time_to_recover_ms"));
        List<Rows.Row> stats = f.isEmpty()
                ? Rows.query(c, "stored_workflow_stats.sql", List.of(top))
                : Rows.filtered(c, SharedAggregates.WORKFLOW_STATS, f, top);
        List<Summary.WorkflowStats> workflows = stats.stream()
                .map(r -> new Summary.WorkflowStats(r.text("name"), r.count("total_runs"), r.count("success_count"),
                        r.count("failed_count"), r.count("abandoned_count"), r.count("in_progress_count"),
                        r.longOrNull("median_duration_ms")))
                .toList();
        return new Summary(f, infer, totals, workflows, hotPaths(c, f, top), regressions);
    }

    /**
     * Without a filter the tables infer stored are read; with one, infer's own aggregation SQL
     * (SharedAggregates) ranks the runs in scope, so both always agree.
     */
    public static HotPaths hotPaths(Connection c, ReportFilter f, int top) {
        List<Rows.Row> fingerprints = f.isEmpty()
                ? Rows.query(c, "stored_hot_paths_fingerprint.sql", List.of(top))
                : Rows.filtered(c, SharedAggregates.BY_FINGERPRINT, f, top);
        List<Rows.Row> ngrams = f.isEmpty()
                ? Rows.query(c, "stored_hot_paths_ngram.sql", List.of(top))
                : Rows.filtered(c, SharedAggregates.BY_NGRAM, f, top);
        return new HotPaths(
                fingerprints.stream().map(r -> new HotPaths.Fingerprint(r.count("rank"), r.text("fingerprint"),
                        r.count("failure_count"), r.text("workflow_name"), r.count("distinct_actors"))).toList(),
                ngrams.stream().map(r -> new HotPaths.Ngram(r.count("rank"), r.text("ngram"), r.count("n"),
                        r.count("failure_count"), r.count("occurrence_count"), r.count("distinct_actors"),
                        r.text("top_error_type"))).toList());
    }

    /** top: rows of each list; paths: rows of common_paths (WorkflowReport.DEFAULT_COMMON_PATHS unless asked). */
    public static WorkflowReport workflow(Connection c, InferInfo infer, String name, ReportFilter f, int top, int paths) {
        List<String> names = Rows.query(c, "workflow_names.sql", List.of()).stream()
                .map(r -> r.text("workflow_name")).toList();
        if (!names.contains(name)) {
            throw new CliAnalyticsException("no workflow named '" + name + "'" + suggestions(name, names));
        }
        Rows.execute(c, "workflow_scope.sql"); // the runs in scope, read by every query below
        Rows.Row o = Rows.filtered(c, "workflow_overview.sql", f, name).get(0);
        List<Rows.Row> breakdown = Rows.filtered(c, "workflow_failure_breakdown.sql", f, name, top);
        return new WorkflowReport(name, f, infer,
                o.count("total_runs"), o.count("success_count"), o.count("failed_count"), o.count("abandoned_count"),
                o.count("in_progress_count"), o.count("recovered_count"),
                o.longOrNull("median_duration_ms"), o.longOrNull("p90_duration_ms"),
                Rows.filtered(c, "workflow_paths.sql", f, name, paths).stream()
                        .map(r -> new WorkflowReport.Path(r.text("fingerprint"), r.count("runs"), r.count("success_count"),
                                r.count("failed_count"))).toList(),
                Rows.filtered(c, "workflow_stops.sql", f, name).stream()
                        .map(r -> new WorkflowReport.Stop(r.count("stopped_after_step"), r.count("runs"),
                                r.count("success_count"), r.count("failed_count"), r.count("abandoned_count"),
                                r.count("in_progress_count"))).toList(),
                Rows.filtered(c, "workflow_errors.sql", f, name, top).stream()
                        .map(r -> new WorkflowReport.ErrorCount(r.text("error_type"), r.count("failed_runs"))).toList(),
                breakdown.stream().filter(r -> r.count("by_status") == 0)
                        .map(r -> new WorkflowReport.SourceCount(r.text("error_source"), r.count("failed_runs"))).toList(),
                breakdown.stream().filter(r -> r.count("by_status") == 1)
                        .map(r -> new WorkflowReport.StatusCount(r.count("http_status"), r.count("failed_runs"))).toList(),
                Rows.filtered(c, "workflow_versions.sql", f, name, top).stream()
                        .map(r -> new WorkflowReport.Version(r.text("tool_name"), r.text("tool_version"),
                                r.count("total_runs"), r.count("success_count"), r.count("failed_count"))).toList(),
                Rows.filtered(c, "workflow_recent.sql", f, name, top).stream()
                        .map(r -> new WorkflowReport.Run(r.count("id"), r.text("outcome"), r.instant("started_at"),
                                r.count("duration_ms"), r.count("step_count"))).toList());
    }

    /**
     * The filter with its tool as stored: a tool named in another case matches (`--tool Terraform`
     * is terraform), and a tool no event has is an error listing the known ones, instead of a report
     * of zeros. Spellings that differ only in case are all stored: the exact one wins, else it is an
     * error naming them.
     */
    public static ReportFilter resolveTool(Connection c, ReportFilter f) {
        if (f.tool() == null) {
            return f;
        }
        List<String> tools = Rows.query(c, "tool_names.sql", List.of()).stream().map(r -> r.text("tool_name")).toList();
        if (tools.contains(f.tool())) {
            return f;
        }
        List<String> same = tools.stream().filter(t -> t.equalsIgnoreCase(f.tool())).toList();
        if (same.size() == 1) {
            return new ReportFilter(same.get(0), f.since(), f.until(), f.excludeCi());
        }
        if (same.size() > 1) {
            throw new CliAnalyticsException("--tool " + f.tool() + " matches several tools that differ only in case: "
                    + String.join(", ", same) + "; give one exactly");
        }
        throw new CliAnalyticsException("no tool named '" + f.tool() + "'"
                + (tools.isEmpty() ? "; the database holds no events" : "; known tools: " + String.join(", ", tools)));
    }

    /** Up to three known names closest by edit distance (ties by name), or a hint when there are none. */
    static String suggestions(String name, List<String> names) {
        if (names.isEmpty()) {
            return "; infer found no workflow runs at all";
        }
        List<String> closest = names.stream()
                .sorted(Comparator.comparingInt((String n) -> editDistance(name, n)).thenComparing(n -> n))
                .limit(3).toList();
        return "; closest: " + String.join(", ", closest);
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
