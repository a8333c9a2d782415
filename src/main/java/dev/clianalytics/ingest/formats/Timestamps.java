package dev.clianalytics.ingest.formats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** ISO-8601 timestamps as exports write them, normalised to a UTC instant string. */
final class Timestamps {
    // Offsets written without a colon (+0200), as some exporters do.
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHmm", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    // STRICT: 2026-02-30 is an error, not silently February 28
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {}

    /** {@link #normalise} as an instant; throws {@link Rejected} (bad_timestamp) for an unreadable one. */
    static Instant instant(String text) {
        return Instant.parse(normalise(text));
    }

    /**
     * Parses {@code 2024-05-01T10:00:00Z}, {@code …+02:00}, {@code …+0200}, a space instead of
     * {@code T} (PostHog/ClickHouse exports) and no offset (= UTC); returns {@link Instant#toString()}.
     */
    static String normalise(String text) {
        String fast = fast(text);
        if (fast != null) {
            return fast;
        }
        String s = text.trim();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            return OffsetDateTime.parse(s, OFFSET).toInstant().toString();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException notLocal) {
                try {
                    return OffsetDateTime.parse(s, COMPACT_OFFSET).toInstant().toString();
                } catch (DateTimeParseException bad) {
                    throw new Rejected("bad_timestamp");
                }
            }
        }
    }

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HH:MM]} without the formatter
     * machinery (several times faster); null for any other shape, which the formatters then judge.
     * Invalid dates and times (February 30, hour 25) are rejected here as there.
     */
    private static String fast(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < n && Character.isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n) {
            offset = ZoneOffset.UTC;
        } else if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0) {
                return null;
            }
            try {
                offset = s.charAt(i) == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
            } catch (java.time.DateTimeException e) {
                throw new Rejected("bad_timestamp");
            }
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset).toString();
        } catch (java.time.DateTimeException e) {
            throw new Rejected("bad_timestamp");
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
