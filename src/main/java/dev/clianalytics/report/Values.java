package dev.clianalytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values are written: for people (table, markdown) and exactly (json, csv). Numbers and times
 * are written by hand, not through Formatter or DateTimeFormatter: those load the locale data,
 * a noticeable part of a report's start-up (docs/startup.md).
 */
final class Values {
    private Values() {}

    static boolean rightAligned(Kind kind) {
        return kind == Kind.COUNT || kind == Kind.PERCENT || kind == Kind.DURATION_MS || kind == Kind.BYTES;
    }

    /** 1,234 · 87.5% · 1m 23s · 2026-01-24 10:00:00 · yes; null as "-". */
    static String human(Kind kind, Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Cohort.Suppressed) {
            return value.toString();
        }
        return switch (kind) {
            case COUNT -> value instanceof Number n ? grouped(n.longValue()) : value.toString();
            case PERCENT -> ((BigDecimal) value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
            case DURATION_MS -> duration(((Number) value).longValue());
            case TIMESTAMP -> humanTime((Instant) value);
            case FLAG -> ((Boolean) value) ? "yes" : "no";
            case BYTES -> bytes(((Number) value).longValue());
            case BAR -> bar((BigDecimal) value);
            case TEXT, NAME, PATH, MESSAGE -> value.toString();
        };
    }

    /** 1234567 as 1,234,567 (what String.format(Locale.ROOT, "%,d") writes). */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        StringBuilder b = new StringBuilder(digits.length() + length / 3);
        b.append(digits, 0, sign);
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(sign + i));
        }
        return b.toString();
    }

    /** An instant as yyyy-MM-dd HH:mm:ss in UTC, fractions of a second dropped. */
    static String humanTime(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            return Formatter.HUMAN_TIME.format(instant); // outside what telemetry holds: the formatter's rules
        }
        StringBuilder b = new StringBuilder(19);
        pad(b, year, 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append(' ');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        return pad(b, t.getSecond(), 2).toString();
    }

    /** Loaded only for the years humanTime does not write itself. */
    static final class Formatter {
        static final DateTimeFormatter HUMAN_TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

        private Formatter() {}
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
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

    /** Width of a full bar (100%) in characters. */
    static final int BAR_WIDTH = 20;
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

    /** A percentage as a bar of unicode blocks, BAR_WIDTH characters for 100%, in eighths of a character. */
    static String bar(BigDecimal percent) {
        int eighths = percent.multiply(BigDecimal.valueOf(BAR_WIDTH * 8L)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .intValue();
        eighths = Math.max(0, Math.min(BAR_WIDTH * 8, eighths));
        String bar = "█".repeat(eighths / 8) + (eighths % 8 == 0 ? "" : String.valueOf(EIGHTHS.charAt(eighths % 8)));
        return bar.isEmpty() ? "▏" : bar;
    }

    /** 512 B, 1.3 KiB, 768 KiB, 12 MiB, 2.1 GiB: one decimal below 10, as du -h writes sizes. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        BigDecimal value = BigDecimal.valueOf(n);
        int unit = -1;
        while (value.compareTo(BigDecimal.valueOf(1024)) >= 0 && unit < units.length - 1) {
            value = value.divide(BigDecimal.valueOf(1024));
            unit++;
        }
        int scale = value.compareTo(BigDecimal.TEN) < 0 ? 1 : 0;
        return value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + units[unit];
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
