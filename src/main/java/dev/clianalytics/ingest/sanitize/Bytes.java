package dev.clianalytics.ingest.sanitize;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of byte arrays eight bytes at a time (one long read, bit tricks instead of a comparison
 * per byte): finding line ends and telling plain ASCII apart cost a pass over every input byte.
 */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {}

    /** The index of the first {@code c} in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte c) {
        long pattern = ONES * (c & 0xff);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS; // a high bit where a byte of x is zero (the lowest one exact)
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first byte of {@code b[from, to)} that a plain JSON string cannot hold as it
     * is: '"', '\\', a control character (below 0x20) or a byte from 0x80; {@code to} when none.
     */
    public static int plainEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i);
            long quote = x ^ (ONES * '"');
            long backslash = x ^ (ONES * '\\');
            long special = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((x - ONES * 0x20) & ~x) | x;
            if ((special & HIGHS) != 0) {
                break; // the first such byte is among these eight: found one by one below
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '"' || c == '\\' || c < 0x20) { // bytes from 0x80 are negative
                return i;
            }
        }
        return to;
    }

    /** Whether every byte of {@code b[from, to)} is below 0x80. */
    public static boolean ascii(byte[] b, int from, int to) {
        int i = from;
        long any = 0;
        for (; i + 8 <= to; i += 8) {
            any |= (long) LONGS.get(b, i);
        }
        for (; i < to; i++) {
            any |= b[i];
        }
        return (any & HIGHS) == 0;
    }
}
