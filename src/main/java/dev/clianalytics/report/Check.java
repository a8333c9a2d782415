package dev.clianalytics.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates `check`'s rules on the runs in scope: one query for the rates and durations of every
 * workflow (and of all runs; read from infer's stored aggregates when nothing is filtered), the regressions as `report versions` flags them, and the error types
 * against a baseline's. Nothing printed.
 */
public final class Check {
    private Check() {}

    /** baselineTypes: the baseline's error types, or null when no --baseline was given. */
    public static CheckResult run(Connection c, InferInfo infer, ReportFilter f, List<CheckRule> rules, int minRuns,
            String baseline, Set<String> baselineTypes) {
        Map<String, Rows.Row> measures = measures(c, f, rules);
        List<CheckResult.Outcome> outcomes = new ArrayList<>();
        for (CheckRule rule : rules) {
            outcomes.add(switch (rule.name()) {
                case CheckRule.NO_REGRESSION -> regressions(c, f, rule, minRuns);
                case CheckRule.MAX_NEW_ERROR_TYPES -> newErrorTypes(c, f, rule, baselineTypes);
                default -> measured(rule, measures.get(rule.workflow() == null ? "" : rule.workflow()));
            });
        }
        return new CheckResult(f, infer, baseline, outcomes);
    }

    /**
     * The rates and durations the rules read, by workflow name ("" for every run): none when no
     * rule reads them; without a filter, what infer stored (as the summary reads it), unless a rule
     * needs the median over every run, which is not stored; else computed on the runs in scope.
     */
    private static Map<String, Rows.Row> measures(Connection c, ReportFilter f, List<CheckRule> rules) {
        Map<String, Rows.Row> measures = new HashMap<>();
        if (rules.stream().allMatch(r -> r.name().equals(CheckRule.NO_REGRESSION)
                || r.name().equals(CheckRule.MAX_NEW_ERROR_TYPES))) {
            return measures;
        }
        boolean allRunsMedian = rules.stream()
                .anyMatch(r -> r.name().equals(CheckRule.MAX_MEDIAN_DURATION) && r.workflow() == null);
        List<Rows.Row> rows = f.isEmpty() && !allRunsMedian ? Rows.query(c, "stored_check_measures.sql", List.of()) : List.of();
        if (rows.stream().noneMatch(r -> r.text("workflow_name") == null)) {
            // filtered, or the stored totals are missing (a database upgraded after its last infer)
            rows = Rows.filtered(c, "check_measures.sql", f);
        }
        for (Rows.Row r : rows) {
            measures.put(r.text("workflow_name") == null ? "" : r.text("workflow_name"), r);
        }
        return measures;
    }

    private static CheckResult.Outcome measured(CheckRule rule, Rows.Row m) {
        if (m == null || m.count("runs") == 0) {
            return new CheckResult.Outcome(rule, false, null, "no runs in scope");
        }
        long runs = m.count("runs");
        return switch (rule.name()) {
            case CheckRule.MIN_SUCCESS_RATE -> {
                BigDecimal rate = Percent.of(m.count("success_count"), runs);
                yield new CheckResult.Outcome(rule, rate.compareTo(rule.threshold()) >= 0, rate, Values.grouped(runs) + " runs");
            }
            case CheckRule.MAX_FAILURE_RATE -> {
                BigDecimal rate = Percent.of(m.count("failed_count"), runs);
                yield new CheckResult.Outcome(rule, rate.compareTo(rule.threshold()) <= 0, rate, Values.grouped(runs) + " runs");
            }
            default -> {
                Long median = m.longOrNull("median_duration_ms");
                yield median == null ? new CheckResult.Outcome(rule, false, null, "no successful runs in scope")
                        : new CheckResult.Outcome(rule, BigDecimal.valueOf(median).compareTo(rule.threshold()) <= 0,
                                BigDecimal.valueOf(median), Values.grouped(m.count("success_count")) + " successful runs");
            }
        };
    }

    private static CheckResult.Outcome regressions(Connection c, ReportFilter f, CheckRule rule, int minRuns) {
        List<Releases.Release> flagged = Insights.flaggedVersions(c, f, minRuns);
        List<String> names = flagged.stream()
                .map(r -> r.counts().tool() + " " + r.counts().version() + " (vs " + r.comparedTo() + ")").toList();
        return new CheckResult.Outcome(rule, flagged.isEmpty(), BigDecimal.valueOf(flagged.size()),
                names.isEmpty() ? "no version regressed (at least " + minRuns + " runs each)" : String.join(", ", names));
    }

    private static CheckResult.Outcome newErrorTypes(Connection c, ReportFilter f, CheckRule rule, Set<String> baseline) {
        Set<String> current = new TreeSet<>();
        Rows.filtered(c, "error_types.sql", f).forEach(r -> current.add(r.text("error_type")));
        current.removeAll(baseline);
        List<String> shown = current.stream().limit(3).toList();
        String detail = current.isEmpty() ? "none new" : String.join("; ", shown)
                + (current.size() > shown.size() ? "; and " + (current.size() - shown.size()) + " more" : "");
        return new CheckResult.Outcome(rule, BigDecimal.valueOf(current.size()).compareTo(rule.threshold()) <= 0,
                BigDecimal.valueOf(current.size()), detail);
    }

    /** The error types of failed runs in another database (all of them: a baseline is read unfiltered). */
    public static Set<String> errorTypes(Connection c) {
        Set<String> types = new TreeSet<>();
        Rows.filtered(c, "error_types.sql", ReportFilter.NONE).forEach(r -> types.add(r.text("error_type")));
        return types;
    }
}
