package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Lays out versions, errors and trends. {@code people} (table, markdown) merges what reads better
 * together (an interval as one "78.6–95.7%", days without the clock, the trend's sparkline); json
 * and csv carry every value in its own key, exactly.
 */
public final class InsightLayouts {
    private InsightLayouts() {}

    public static Document versions(VersionsReport v, boolean people) {
        List<Section> sections = new ArrayList<>();
        sections.add(people ? versionsForPeople(v.versions()) : versionsTable("versions", "Versions", v.versions()));
        sections.add(Layouts.infer(v.infer()));
        sections.add(filters(v.filter(), v.workflow(), new Field("min_runs", "runs to compare a version", Kind.COUNT,
                (long) v.minRuns())));
        return new Document("Versions" + (v.workflow() == null ? "" : " of " + v.workflow()), sections);
    }

    /**
     * The summary's `versions` section: the flagged regressions, with the keys of `report versions`
     * that say what regressed against what (the same in every format: few columns, fits 80).
     */
    static Table regressions(List<Releases.Release> releases) {
        return new Table("versions", "Releases that regressed (report versions has them all)", List.of(
                new Column("tool", "tool", Kind.NAME),
                new Column("version", "version", Kind.NAME),
                new Column("runs", "runs", Kind.COUNT),
                new Column("success_rate", "success", Kind.PERCENT),
                new Column("ci_low", "95% low", Kind.PERCENT),
                new Column("ci_high", "95% high", Kind.PERCENT),
                new Column("compared_to", "compared to", Kind.NAME)),
                releases.stream().map(r -> row(r.counts().tool(), r.counts().version(), r.counts().runs(),
                        Percent.of(r.counts().successCount(), r.counts().runs()), Wilson.percent(r.interval().low()),
                        Wilson.percent(r.interval().high()), r.comparedTo())).toList());
    }

    private static Table versionsTable(String key, String title, List<Releases.Release> releases) {
        return new Table(key, title, List.of(
                new Column("tool", "tool", Kind.NAME),
                new Column("version", "version", Kind.NAME),
                new Column("runs", "runs", Kind.COUNT),
                new Column("success_count", "ok", Kind.COUNT),
                new Column("success_rate", "success", Kind.PERCENT),
                new Column("ci_low", "95% low", Kind.PERCENT),
                new Column("ci_high", "95% high", Kind.PERCENT),
                new Column("failure_rate", "failed", Kind.PERCENT),
                new Column("median_duration_ms", "median", Kind.DURATION_MS),
                new Column("first_seen", "first seen (UTC)", Kind.TIMESTAMP),
                new Column("last_seen", "last seen (UTC)", Kind.TIMESTAMP),
                new Column("actors", "actors", Kind.COUNT),
                new Column("regression", "regression", Kind.FLAG),
                new Column("compared_to", "compared to", Kind.NAME)),
                releases.stream().map(r -> {
                    Releases.Counts c = r.counts();
                    return row(c.tool(), c.version(), c.runs(), c.successCount(), Percent.of(c.successCount(), c.runs()),
                            Wilson.percent(r.interval().low()), Wilson.percent(r.interval().high()),
                            Percent.of(c.failedCount(), c.runs()), c.medianDurationMs(), c.firstSeen(), c.lastSeen(),
                            c.actors(), r.regression(), r.comparedTo());
                }).toList());
    }

    private static Table versionsForPeople(List<Releases.Release> releases) {
        return versionsForPeople("versions", "Versions (release order; 95% interval of the success rate)", releases);
    }

    private static Table versionsForPeople(String key, String title, List<Releases.Release> releases) {
        return new Table(key, title, List.of(
                new Column("tool", "tool", Kind.NAME),
                new Column("version", "version", Kind.NAME),
                new Column("runs", "runs", Kind.COUNT),
                new Column("success_rate", "success", Kind.PERCENT),
                new Column("ci", "95% interval", Kind.TEXT),
                new Column("failure_rate", "failed", Kind.PERCENT),
                new Column("median_duration_ms", "median", Kind.DURATION_MS),
                new Column("actors", "actors", Kind.COUNT),
                new Column("first_seen", "first seen", Kind.TEXT),
                new Column("regression", "regression", Kind.TEXT)),
                releases.stream().map(r -> {
                    Releases.Counts c = r.counts();
                    return row(c.tool(), c.version(), c.runs(), Percent.of(c.successCount(), c.runs()),
                            interval(r.interval()), Percent.of(c.failedCount(), c.runs()), c.medianDurationMs(),
                            c.actors(), day(c.firstSeen()),
                            r.regression() ? "yes, vs " + r.comparedTo() : r.comparedTo() == null ? "-" : "no");
                }).toList());
    }

    public static Document errors(ErrorsReport e, boolean people) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Fields("totals", "Failed runs", true, List.of(
                new Field("failed_runs", "failed runs", Kind.COUNT, e.failedRuns()),
                new Field("recovered_runs", "recovered later", Kind.COUNT, e.recoveredRuns()),
                new Field("recovery_rate", "recovery rate", Kind.PERCENT, Percent.of(e.recoveredRuns(), e.failedRuns())),
                new Field("ci_share", "from CI", Kind.PERCENT, Percent.of(e.ciRuns(), e.failedRuns())))));
        sections.add(new Table("errors", "Errors of failed runs and recovery", List.of(
                new Column("error_type", "error type", Kind.MESSAGE),
                new Column("failed_runs", "failed", Kind.COUNT),
                new Column("actors", "actors", Kind.COUNT),
                new Column("recovered", "recovered", Kind.COUNT),
                new Column("recovery_rate", "rate", Kind.PERCENT),
                new Column("median_ms_to_recover", "median to recover", Kind.DURATION_MS),
                new Column("p90_ms_to_recover", "p90 to recover", Kind.DURATION_MS),
                new Column("ci_share", "CI", Kind.PERCENT),
                new Column("versions", "versions", Kind.NAME)),
                e.errors().stream().map(x -> row(x.errorType(), x.failedRuns(), x.actors(), x.recovered(),
                        Percent.of(x.recovered(), x.failedRuns()), x.medianMsToRecover(), x.p90MsToRecover(),
                        Percent.of(x.ciRuns(), x.failedRuns()), x.versions())).toList()));
        sections.add(new Table("fix_paths", "Fix paths (what the runs that recovered did)", List.of(
                new Column("error_type", "error type", Kind.MESSAGE),
                new Column("rank", "#", Kind.COUNT),
                new Column("runs", "runs", Kind.COUNT),
                new Column("fix_path", "fix path", Kind.PATH)),
                e.fixPaths().stream().map(p -> row(p.errorType(), p.rank(), p.runs(), p.fixPath())).toList()));
        sections.add(Layouts.infer(e.infer()));
        sections.add(filters(e.filter(), e.workflow(), null));
        return new Document("Errors" + (e.workflow() == null ? "" : " of " + e.workflow()), sections);
    }

    public static Document trends(TrendsReport t, boolean people) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("period_start", people ? (t.by().equals("week") ? "week of (UTC)" : "day (UTC)")
                        : "period start (UTC)", people ? Kind.TEXT : Kind.TIMESTAMP),
                new Column("runs", "runs", Kind.COUNT),
                new Column("success_rate", "success", Kind.PERCENT),
                new Column("failed", "failed", Kind.COUNT),
                new Column("abandoned", "abandoned", Kind.COUNT),
                new Column("median_duration_ms", "median", Kind.DURATION_MS),
                new Column("actors", "actors", Kind.COUNT)));
        List<BigDecimal> rates = t.periods().stream().map(p -> Percent.of(p.successCount(), p.runs())).toList();
        List<String> spark = Sparkline.of(rates);
        if (people) {
            columns.add(new Column("trend", "success trend", Kind.TEXT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.periods().size(); i++) {
            TrendsReport.Period p = t.periods().get(i);
            List<Object> row = new ArrayList<>(Arrays.asList(people ? day(p.start()) : p.start(), p.runs(), rates.get(i),
                    p.failed(), p.abandoned(), p.medianDurationMs(), p.actors()));
            if (people) {
                row.add(spark.get(i));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        String title = (t.by().equals("week") ? "Weeks" : "Days") + " (UTC" + (t.by().equals("week") ? ", from Monday)" : ")");
        return new Document("Trends" + (t.workflow() == null ? "" : " of " + t.workflow()), List.of(
                new Table("periods", title, columns, rows),
                Layouts.infer(t.infer()),
                filters(t.filter(), t.workflow(), new Field("by", "by", Kind.TEXT, t.by()))));
    }

    /** The filters section with --workflow (and one more setting of the report, when given). */
    static Fields filters(ReportFilter f, String workflow, Field extra) {
        Fields base = Layouts.filter(f);
        List<Field> fields = new ArrayList<>(base.fields());
        fields.add(new Field("workflow", "workflow", Kind.TEXT, workflow));
        if (extra != null) {
            fields.add(extra);
        }
        return new Fields(base.key(), base.title(), false, fields);
    }

    static String interval(Wilson w) {
        return w == null ? null : Values.human(Kind.PERCENT, Wilson.percent(w.low())).replace("%", "")
                + "–" + Values.human(Kind.PERCENT, Wilson.percent(w.high()));
    }

    /** The UTC day of an instant, 2026-01-05. */
    static String day(java.time.Instant at) {
        return at == null ? null : Values.humanTime(at).substring(0, 10);
    }

    private static List<Object> row(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
