package dev.clianalytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** part / total in percent with 2 decimals (half up), computed exactly; null when total is 0. */
public final class Percent {
    private Percent() {}

    public static BigDecimal of(long part, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }
}
