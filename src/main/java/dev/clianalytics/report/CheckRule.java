package dev.clianalytics.report;

import java.math.BigDecimal;

/**
 * One rule of `check`: its name (as in the rules file), the workflow it is about (null: every run)
 * and its threshold: a percent, milliseconds, or a count; no_regression's is 0 flagged versions.
 */
public record CheckRule(String name, String workflow, BigDecimal threshold) {
    public static final String MIN_SUCCESS_RATE = "min_success_rate";
    public static final String MAX_FAILURE_RATE = "max_failure_rate";
    public static final String MAX_MEDIAN_DURATION = "max_median_duration";
    public static final String NO_REGRESSION = "no_regression";
    public static final String MAX_NEW_ERROR_TYPES = "max_new_error_types";

    /** The unit of the threshold and the measured value: percent, ms or count. */
    public String unit() {
        return switch (name) {
            case MIN_SUCCESS_RATE, MAX_FAILURE_RATE -> "percent";
            case MAX_MEDIAN_DURATION -> "ms";
            default -> "count";
        };
    }
}
