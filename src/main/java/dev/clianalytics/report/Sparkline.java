package dev.clianalytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One bar (▁ to █) per value, scaled from the lowest to the highest value shown, so a trend is seen
 * at a glance even when rates move within a few points; all equal is a flat ▄, a missing value a blank.
 */
final class Sparkline {
    static final String BARS = "▁▂▃▄▅▆▇█";

    private Sparkline() {}

    static List<String> of(List<BigDecimal> values) {
        BigDecimal min = values.stream().filter(v -> v != null).min(BigDecimal::compareTo).orElse(null);
        BigDecimal max = values.stream().filter(v -> v != null).max(BigDecimal::compareTo).orElse(null);
        return values.stream().map(v -> {
            if (v == null) {
                return " ";
            }
            if (max.compareTo(min) == 0) {
                return String.valueOf(BARS.charAt(3));
            }
            int level = v.subtract(min).multiply(BigDecimal.valueOf(BARS.length() - 1))
                    .divide(max.subtract(min), 0, RoundingMode.HALF_UP).intValue();
            return String.valueOf(BARS.charAt(level));
        }).toList();
    }
}
