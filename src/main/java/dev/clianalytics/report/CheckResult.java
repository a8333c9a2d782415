package dev.clianalytics.report;

import java.math.BigDecimal;
import java.util.List;

/** What `check` found: one outcome per rule, in the order the rules were given. */
public record CheckResult(ReportFilter filter, InferInfo infer, String baseline, List<Outcome> outcomes) {

    /** measured: null when there was nothing to measure (no runs of the workflow in scope), which fails. */
    public record Outcome(CheckRule rule, boolean passed, BigDecimal measured, String detail) {}

    public boolean passed() {
        return outcomes.stream().allMatch(Outcome::passed);
    }
}
