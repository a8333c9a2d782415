package dev.clianalytics.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them ({@code 30m}, {@code 1h30m}), for timeouts and waits. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {}

    /**
     * Parses {@code 30m}, {@code 1h}, {@code 90s}, {@code 1h30m}, {@code 500ms}, {@code 2d} or
     * ISO-8601 {@code PT30M}; it must be positive.
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw bad(text);
        }
        return positive(total, text);
    }

    /** The shortest form {@link #parse} reads back: {@code 30m}, {@code 1h30m}, {@code 2d}, {@code 1m30s500ms}. */
    public static String format(Duration d) {
        StringBuilder b = new StringBuilder();
        append(b, d.toDays(), "d");
        append(b, d.toHoursPart(), "h");
        append(b, d.toMinutesPart(), "m");
        append(b, d.toSecondsPart(), "s");
        append(b, d.toMillisPart(), "ms");
        return b.length() == 0 ? "0s" : b.toString();
    }

    private static void append(StringBuilder b, long n, String unit) {
        if (n > 0) {
            b.append(n).append(unit);
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return d;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; use a number and a unit,"
                + " e.g. 30m, 1h, 90s, 1h30m, 500ms or 2d");
    }
}
