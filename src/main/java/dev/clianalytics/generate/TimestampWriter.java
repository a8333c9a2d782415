package dev.clianalytics.generate;

/**
 * Writes ISO-8601 timestamps from epoch microseconds without java.time objects: the date part is
 * computed once per local day and cached, the time part by arithmetic.
 */
final class TimestampWriter {
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private long cachedDay = Long.MIN_VALUE;
    private final byte[] datePrefix = new byte[11];

    /**
     * @param offsetMinutes the zone offset to show ({@code 0} writes {@code Z})
     * @param microsPrecision six fraction digits instead of three
     * @param zoneless no zone designator at all (SPEC §3: means UTC); only used with offset 0
     */
    void write(ByteOut out, long utcMicros, int offsetMinutes, boolean microsPrecision, boolean zoneless) {
        long local = utcMicros + offsetMinutes * 60_000_000L;
        long day = Math.floorDiv(local, MICROS_PER_DAY);
        long inDay = local - day * MICROS_PER_DAY;
        if (day != cachedDay) {
            fillDate(day);
        }
        out.put(datePrefix);
        long secs = inDay / 1_000_000;
        out.fixed(secs / 3600, 2).put(':').fixed(secs / 60 % 60, 2).put(':').fixed(secs % 60, 2).put('.');
        long fraction = inDay % 1_000_000;
        if (microsPrecision) {
            out.fixed(fraction, 6);
        } else {
            out.fixed(fraction / 1000, 3);
        }
        if (offsetMinutes == 0) {
            if (!zoneless) {
                out.put('Z');
            }
        } else {
            int abs = Math.abs(offsetMinutes);
            out.put(offsetMinutes < 0 ? '-' : '+').fixed(abs / 60, 2).put(':').fixed(abs % 60, 2);
        }
    }

    /** Civil date from days since 1970-01-01 (H. Hinnant's algorithm). */
    private void fillDate(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        ByteOut tmp = new ByteOut(11);
        tmp.fixed(y, 4).put('-').fixed(m, 2).put('-').fixed(d, 2).put('T');
        System.arraycopy(tmp.buf, 0, datePrefix, 0, 11);
        cachedDay = days;
    }
}
