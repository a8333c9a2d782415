package dev.clianalytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values are written: for people (table, markdown) and exactly (json, csv). */
final class Values {
    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Values() {}

    static boolean rightAligned(Kind kind) {
        return kind == Kind.COUNT || kind == Kind.PERCENT || kind == Kind.DURATION_MS;
    }

    /** 1,234 · 87.5% · 1m 23s · 2026-01-24 10:00:00 · yes; null as "-". */
    static String human(Kind kind, Object value) {
        if (value == null) {
            return "-";
        }
        return switch (kind) {
            case COUNT -> value instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : value.toString();
            case PERCENT -> ((BigDecimal) value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
            case DURATION_MS -> duration(((Number) value).longValue());
            case TIMESTAMP -> HUMAN_TIME.format((Instant) value);
            case FLAG -> ((Boolean) value) ? "yes" : "no";
            case TEXT, PATH, MESSAGE -> value.toString();
        };
    }

    /** Exact text: whole numbers, percents with 2 decimals, ISO-8601 UTC instants; null as null. */
    static String exact(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** 450ms, 12.3s, 1m 23s, 2h 05m, 3d 4h. */
    static String duration(long ms) {
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(1000), 1, RoundingMode.DOWN)
                    .stripTrailingZeros().toPlainString() + "s";
        }
        long s = ms / 1000;
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        if (s < 86_400) {
            return (s / 3600) + "h " + ((s % 3600) / 60) + "m";
        }
        return (s / 86_400) + "d " + ((s % 86_400) / 3600) + "h";
    }
}
