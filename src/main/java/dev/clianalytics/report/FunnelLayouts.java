package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lays the funnel reports out as sections, with the JSON keys docs/funnels.md fixes for scripts. */
public final class FunnelLayouts {
    private FunnelLayouts() {}

    public static Document list(List<FunnelReport.Listed> funnels, InferInfo infer, ReportFilter f) {
        return new Document("Funnels", List.of(
                new Table("funnels", "Funnels", List.of(
                        new Column("funnel", "funnel", Kind.NAME),
                        new Column("steps", "steps", Kind.COUNT),
                        new Column("window_ms", "window", Kind.DURATION_MS),
                        new Column("attempts", "attempts", Kind.COUNT),
                        new Column("completed", "completed", Kind.COUNT),
                        new Column("failed_attempts", "failed", Kind.COUNT),
                        new Column("conversion_rate", "conversion", Kind.PERCENT)),
                        funnels.stream().map(l -> row(l.name(), l.steps(), l.windowMs(), l.attempts(), l.completed(),
                                l.failed(), Percent.of(l.completed(), l.attempts()))).toList()),
                Layouts.infer(infer), Layouts.filter(f)));
    }

    /** chart: add the bar chart of the steps (the table format; the other formats carry the numbers only). */
    public static Document funnel(FunnelReport r, boolean chart) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Fields("overview", "Overview", true, List.of(
                new Field("funnel", "funnel", Kind.TEXT, r.name()),
                new Field("window_ms", "window", Kind.DURATION_MS, r.windowMs()),
                new Field("attempts", "attempts", Kind.COUNT, r.attempts()),
                new Field("completed", "completed", Kind.COUNT, r.completed()),
                new Field("failed_attempts", "failed", Kind.COUNT, r.failed()),
                new Field("conversion_rate", "conversion", Kind.PERCENT, Percent.of(r.completed(), r.attempts())),
                new Field("breakdown_by", "breakdown by", Kind.TEXT, r.by()))));
        List<List<Object>> steps = new ArrayList<>();
        long start = r.steps().isEmpty() ? 0 : r.steps().get(0).reached();
        long previous = start;
        for (FunnelReport.Step s : r.steps()) {
            var fromStart = Percent.of(s.reached(), start);
            steps.add(row(s.step(), s.name(), s.reached(), s.distinctActors(), Percent.of(s.reached(), previous), fromStart,
                    previous - s.reached(), s.medianMsFromPrevious(), s.p90MsFromPrevious()));
            previous = s.reached();
        }
        sections.add(new Table("steps", "Steps", List.of(
                new Column("step", "#", Kind.COUNT),
                new Column("name", "step", Kind.NAME),
                new Column("reached", "reached", Kind.COUNT),
                new Column("distinct_actors", "actors", Kind.COUNT),
                new Column("conversion_from_previous", "from prev", Kind.PERCENT),
                new Column("conversion_from_start", "from start", Kind.PERCENT),
                new Column("dropped", "dropped", Kind.COUNT),
                new Column("median_ms_from_previous", "median", Kind.DURATION_MS),
                new Column("p90_ms_from_previous", "p90", Kind.DURATION_MS)),
                steps));
        if (chart) {
            sections.add(new Table("chart", "Reached, from the start", List.of(
                    new Column("step", "#", Kind.COUNT),
                    new Column("name", "step", Kind.NAME),
                    new Column("bar", "", Kind.BAR),
                    new Column("conversion_from_start", "", Kind.PERCENT)),
                    steps.stream().map(s -> row(s.get(0), s.get(1), s.get(5) == null ? java.math.BigDecimal.ZERO : s.get(5),
                            s.get(5))).toList()));
        }
        sections.add(new Table("breakdown", "By " + (r.by() == null ? "(no breakdown)" : r.by()), List.of(
                new Column("value", r.by() == null ? "value" : r.by(), Kind.NAME),
                new Column("attempts", "attempts", Kind.COUNT),
                new Column("completed", "completed", Kind.COUNT),
                new Column("failed_attempts", "failed", Kind.COUNT),
                new Column("conversion_rate", "conversion", Kind.PERCENT)),
                r.breakdown().stream().map(g -> row(g.value(), g.attempts(), g.completed(), g.failed(),
                        Percent.of(g.completed(), g.attempts()))).toList()));
        sections.add(new Table("failure_classes", "Why attempts failed (error class)", List.of(
                new Column("failed_attempts", "failed", Kind.COUNT),
                new Column("error_class", "error class", Kind.MESSAGE)),
                r.failureClasses().stream().map(fc -> row(fc.failedAttempts(), fc.errorClass())).toList()));
        sections.add(new Table("after_drop_off", "What people ran after an attempt that did not complete", List.of(
                new Column("attempts", "attempts", Kind.COUNT),
                new Column("command", "command", Kind.NAME)),
                r.afterDropOff().stream().map(a -> row(a.attempts(), a.command())).toList()));
        sections.add(Layouts.infer(r.infer()));
        sections.add(Layouts.filter(r.filter()));
        return new Document("Funnel " + r.name(), sections);
    }

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }
}
