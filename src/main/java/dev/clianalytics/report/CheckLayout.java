package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * `check`'s output: one line per rule. People (table, markdown) read each value in its unit
 * (87.5%, 2m 5s, 3); json and csv carry the exact number and the unit beside it.
 */
public final class CheckLayout {
    private CheckLayout() {}

    public static Document check(CheckResult r, boolean people) {
        long failed = r.outcomes().stream().filter(o -> !o.passed()).count();
        List<Column> columns = people
                ? List.of(new Column("result", "result", Kind.TEXT), new Column("rule", "rule", Kind.TEXT),
                        new Column("workflow", "workflow", Kind.NAME), new Column("measured", "measured", Kind.TEXT),
                        new Column("threshold", "threshold", Kind.TEXT), new Column("detail", "detail", Kind.MESSAGE))
                : List.of(new Column("rule", "rule", Kind.TEXT), new Column("workflow", "workflow", Kind.NAME),
                        new Column("result", "result", Kind.TEXT), new Column("measured", "measured", Kind.TEXT),
                        new Column("threshold", "threshold", Kind.TEXT), new Column("unit", "unit", Kind.TEXT),
                        new Column("detail", "detail", Kind.MESSAGE));
        List<List<Object>> rows = r.outcomes().stream().map(o -> {
            CheckRule rule = o.rule();
            String result = o.passed() ? "pass" : "fail";
            return people
                    ? row(o.passed() ? "pass" : "FAIL", rule.name(), rule.workflow() == null ? "(all)" : rule.workflow(),
                            human(rule, o.measured()), (rule.name().startsWith("min_") ? "≥ " : "≤ ")
                                    + human(rule, rule.threshold()), o.detail())
                    : row(rule.name(), rule.workflow(), result, o.measured(), rule.threshold(), rule.unit(), o.detail());
        }).toList();
        return new Document("Check", List.of(
                new Fields("result", "Result", true, List.of(
                        new Field("passed", "passed", Kind.FLAG, failed == 0),
                        new Field("rules_checked", "rules checked", Kind.COUNT, (long) r.outcomes().size()),
                        new Field("rules_failed", "rules failed", Kind.COUNT, failed),
                        new Field("baseline", "baseline", Kind.TEXT, r.baseline()))),
                new Table("rules", "Rules", columns, rows),
                Layouts.infer(r.infer()),
                Layouts.filter(r.filter())));
    }

    private static String human(CheckRule rule, BigDecimal value) {
        if (value == null) {
            return "-";
        }
        return switch (rule.unit()) {
            case "percent" -> Values.human(Kind.PERCENT, value.setScale(2, java.math.RoundingMode.HALF_UP));
            case "ms" -> Values.human(Kind.DURATION_MS, value.longValue());
            default -> Values.human(Kind.COUNT, value.longValue());
        };
    }

    private static List<Object> row(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
