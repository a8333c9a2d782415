package dev.clianalytics.ingest.sanitize;

/**
 * A native event's timestamp as an instant (docs/ingest.md, "Timestamps"): ISO-8601 date and time
 * ({@code T}, {@code t} or a space between), optional seconds, fraction (cut to microseconds) and
 * offset ({@code Z}, {@code ±HH}, {@code ±HHMM}, {@code ±HH:MM}); no offset means UTC. Read by hand
 * (no formatter, no allocation): it runs once per line. The edge cases are those of every earlier
 * build, which let DuckDB's cast judge the text: 24:00 is the next midnight; without seconds there
 * may be no offset and nothing after the minutes; with seconds but no offset only spaces may
 * follow; leading white space is allowed.
 */
public final class EpochMicros {
    /** Returned for a text that is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;
    private static final long US_PER_DAY = 86_400_000_000L;

    private EpochMicros() {}

    private static boolean ws(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int digit(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static int two(String s, int i) {
        int a = digit(s, i);
        int b = digit(s, i + 1);
        return a < 0 || b < 0 ? -1 : a * 10 + b;
    }

    /** Microseconds since the epoch, or {@link #INVALID}. */
    public static long micros(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && ws(s.charAt(i))) {
            i++;
        }
        if (i + 16 > n) {
            return INVALID;
        }
        int y1 = two(s, i);
        int y2 = two(s, i + 2);
        int month = two(s, i + 5);
        int day = two(s, i + 8);
        char sep = s.charAt(i + 10);
        int hour = two(s, i + 11);
        int minute = two(s, i + 14);
        if (y1 < 0 || y2 < 0 || s.charAt(i + 4) != '-' || s.charAt(i + 7) != '-' || month < 0 || day < 0
                || (sep != 'T' && sep != 't' && sep != ' ') || hour < 0 || s.charAt(i + 13) != ':' || minute < 0) {
            return INVALID;
        }
        int year = y1 * 100 + y2;
        i += 16;
        int second = 0;
        long fraction = 0;
        boolean seconds = i < n && s.charAt(i) == ':';
        if (seconds) {
            second = two(s, i + 1);
            if (second < 0) {
                return INVALID;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int start = i;
                long scale = 100_000;
                while (i < n && digit(s, i) >= 0) {
                    fraction += digit(s, i) * scale;
                    scale /= 10;
                    i++;
                }
                if (i == start) {
                    return INVALID;
                }
            }
        }
        long offsetSeconds = 0;
        boolean zone = false;
        if (i < n && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            zone = true;
            i++;
        } else if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int oh = two(s, i + 1);
            if (oh < 0 || oh > 18) {
                return INVALID;
            }
            i += 3;
            int om = 0;
            int j = i < n && s.charAt(i) == ':' ? i + 1 : i;
            int m = two(s, j);
            if (m >= 0) {
                if (m > 59) {
                    return INVALID;
                }
                om = m;
                i = j + 2;
            } else if (j != i) {
                return INVALID;
            }
            zone = true;
            offsetSeconds = sign * (oh * 3600L + om * 60L);
        }
        int rest = i;
        while (i < n && ws(s.charAt(i))) {
            i++;
        }
        if (i != n) {
            return INVALID;
        }
        if (!seconds && (zone || rest != n)) {
            return INVALID;
        }
        if (seconds && !zone) {
            for (int k = rest; k < n; k++) {
                if (s.charAt(k) != ' ') {
                    return INVALID;
                }
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || minute > 59 || second > 59) {
            return INVALID;
        }
        if (hour > 24 || (hour == 24 && (minute != 0 || second != 0 || fraction != 0))) {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        return days * US_PER_DAY + ((hour * 60L + minute) * 60L + second - offsetSeconds) * 1_000_000L + fraction;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
