package dev.clianalytics.report;

import java.sql.Connection;
import java.util.List;

/** The queries only the HTML report needs (sql/reports/html_*.sql), over the runs a filter keeps. */
public final class HtmlQueries {
    private HtmlQueries() {}

    /** One point of the trend chart: a day or week (its first day, UTC) and the runs started in it. */
    public record TrendPoint(String bucket, long runs, long successCount, long failedCount) {}

    /** unit: "day" or "week"; no points when no run is in scope. */
    public record Trend(String unit, List<TrendPoint> points) {}

    /** Percentiles of one workflow's successful runs' durations, in ms. */
    public record DurationBox(String workflowName, long runs, long p5, long p25, long median, long p75, long p95) {}

    /**
     * Runs and outcomes per day or week (html_trends.sql). When `report trends` exists this is the
     * one method to replace with it.
     */
    public static Trend trends(Connection c, ReportFilter f) {
        List<Rows.Row> rows = Rows.filtered(c, "html_trends.sql", f);
        return new Trend(rows.isEmpty() ? "day" : rows.get(0).text("unit"), rows.stream()
                .map(r -> new TrendPoint(r.text("bucket"), r.count("runs"), r.count("success_count"),
                        r.count("failed_count")))
                .toList());
    }

    /** The distinct actors per bucket of a trend of that unit (html_trend_actors.sql; for --min-cohort). */
    public static java.util.Map<String, Long> trendActors(Connection c, ReportFilter f, String unit) {
        java.util.Map<String, Long> actors = new java.util.HashMap<>();
        Rows.filtered(c, "html_trend_actors.sql", f, unit)
                .forEach(r -> actors.put(r.text("bucket"), r.count("actors")));
        return actors;
    }

    public static List<DurationBox> durations(Connection c, ReportFilter f) {
        return Rows.filtered(c, "html_durations.sql", f).stream()
                .map(r -> new DurationBox(r.text("workflow_name"), r.count("runs"), r.count("p5_ms"), r.count("p25_ms"),
                        r.count("median_ms"), r.count("p75_ms"), r.count("p95_ms")))
                .toList();
    }
}
