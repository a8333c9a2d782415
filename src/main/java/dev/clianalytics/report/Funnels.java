package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;

/** Computes the funnel reports from the tables infer wrote (funnels, funnel_steps, funnel_attempts, ...). */
public final class Funnels {
    private Funnels() {}

    /** report funnel: every funnel with data (user funnels always), in the order of the settings. */
    public static List<FunnelReport.Listed> list(Connection c, ReportFilter f) {
        requireDefinitions(c);
        Rows.execute(c, "funnel_scope.sql");
        return Rows.filtered(c, "funnel_list.sql", f).stream()
                .map(r -> new FunnelReport.Listed(r.text("funnel"), r.count("step_count"), r.count("window_ms"),
                        r.count("attempts"), r.count("completed"), r.count("failed_attempts")))
                .toList();
    }

    /** report funnel NAME; by: a property, version or ci, null for the funnel's own breakdown. */
    public static FunnelReport funnel(Connection c, InferInfo infer, String name, ReportFilter f, String by, int top) {
        List<Rows.Row> funnels = requireDefinitions(c);
        Rows.Row def = funnels.stream().filter(r -> r.text("funnel").equals(name)).findFirst()
                .orElseThrow(() -> new CliAnalyticsException("no funnel named '" + name + "'"
                        + closest(name, funnels.stream().map(r -> r.text("funnel")).toList())));
        String breakdown = by != null ? by : def.text("breakdown");
        Rows.execute(c, "funnel_scope.sql");
        Rows.Row t = Rows.filtered(c, "funnel_totals.sql", f, name).get(0);
        List<FunnelReport.Step> steps = Rows.filtered(c, "funnel_step_stats.sql", f, name).stream()
                .map(r -> new FunnelReport.Step(r.count("step"), r.text("step_name"), r.count("reached"),
                        r.count("distinct_actors"), r.longOrNull("median_ms_from_previous"), r.longOrNull("p90_ms_from_previous")))
                .toList();
        List<FunnelReport.Group> groups = breakdown == null ? List.of()
                : Rows.filtered(c, "funnel_breakdown.sql", f, name, breakdown, top).stream()
                        .map(r -> new FunnelReport.Group(r.text("value"), r.count("attempts"), r.count("completed"),
                                r.count("failed_attempts"))).toList();
        List<FunnelReport.FailureClass> classes = Rows.filtered(c, "funnel_failure_classes.sql", f, name, top).stream()
                .map(r -> new FunnelReport.FailureClass(r.text("error_class"), r.count("failed_attempts"))).toList();
        List<FunnelReport.Command> after = Rows.filtered(c, "funnel_after_drop_off.sql", f, name,
                FunnelReport.AFTER_DROP_OFF).stream()
                .map(r -> new FunnelReport.Command(r.text("command"), r.count("attempts"))).toList();
        return new FunnelReport(name, def.count("window_ms"), breakdown, t.count("attempts"), t.count("completed"),
                t.count("failed_attempts"), steps, groups, classes, after, infer, f);
    }

    /** The funnels infer computed; none means the database was upgraded after the last infer. */
    private static List<Rows.Row> requireDefinitions(Connection c) {
        List<Rows.Row> funnels = Rows.query(c, "funnel_names.sql", List.of());
        if (funnels.isEmpty()) {
            throw new CliAnalyticsException("the funnels are missing (the database was upgraded after infer ran):"
                    + " run 'cli-analytics infer' again");
        }
        return funnels;
    }

    /** Up to three funnel names closest by edit distance (ties by name). */
    private static String closest(String name, List<String> names) {
        return "; closest: " + String.join(", ", names.stream()
                .sorted(Comparator.comparingInt((String n) -> Reports.editDistance(name, n)).thenComparing(n -> n))
                .limit(3).toList());
    }
}
