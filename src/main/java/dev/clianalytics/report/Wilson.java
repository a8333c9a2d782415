package dev.clianalytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The 95% Wilson score interval of a success rate: unlike the plain p ± z·se it stays inside
 * 0–100% and is honest for small counts and rates near 0 or 100%, which is what release
 * comparisons have. Bounds in percent, exact until {@link #percent} rounds them for output.
 */
public record Wilson(double low, double high) {
    /** The 0.975 quantile of the standard normal distribution. */
    static final double Z = 1.959963984540054;

    /** The interval of {@code successes} out of {@code trials}; null when there were no trials. */
    public static Wilson of(long successes, long trials) {
        if (trials <= 0) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        return new Wilson(100 * Math.max(0, (centre - spread) / denominator),
                100 * Math.min(1, (centre + spread) / denominator));
    }

    /** Lies entirely below the other interval: its upper bound under the other's lower bound. */
    public boolean below(Wilson other) {
        return high < other.low;
    }

    static BigDecimal percent(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
