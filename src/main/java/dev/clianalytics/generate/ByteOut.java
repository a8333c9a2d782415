package dev.clianalytics.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for writing JSON by hand: no String or object per event on the hot path. */
final class ByteOut {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    byte[] buf;
    int len;

    ByteOut(int capacity) {
        buf = new byte[capacity];
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void reset() {
        len = 0;
    }

    /** Room for {@code extra} more bytes. The check is inline in every put; growing is rare and out of line. */
    void ensure(int extra) {
        if (len + extra > buf.length) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }

    ByteOut put(byte[] b) {
        if (len + b.length > buf.length) {
            grow(b.length);
        }
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    ByteOut put(ByteOut other) {
        return put(other.buf, 0, other.len);
    }

    ByteOut put(byte[] b, int from, int count) {
        ensure(count);
        System.arraycopy(b, from, buf, len, count);
        len += count;
        return this;
    }

    ByteOut put(char c) {
        if (len == buf.length) {
            grow(1);
        }
        buf[len++] = (byte) c;
        return this;
    }

    ByteOut putAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A decimal integer. */
    ByteOut num(long v) {
        if (v == Long.MIN_VALUE) {
            return put(MIN_LONG);
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
            return this;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += digits;
        return this;
    }

    /** A non-negative integer with exactly {@code width} digits, zero-padded. */
    ByteOut fixed(long v, int width) {
        ensure(width);
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += width;
        return this;
    }

    /** {@code count} lower-case hex digits of v, most significant first. */
    ByteOut hex(long v, int count) {
        ensure(count);
        for (int i = len + count - 1; i >= len; i--) {
            buf[i] = HEX[(int) (v & 15)];
            v >>>= 4;
        }
        len += count;
        return this;
    }

    /** A UUID-shaped string (8-4-4-4-12 hex) from two 64-bit values. */
    ByteOut uuid(long hi, long lo) {
        hex(hi >>> 32, 8).put('-').hex(hi >>> 16, 4).put('-').hex(hi, 4).put('-');
        return hex(lo >>> 48, 4).put('-').hex(lo, 12);
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    int indexOf(byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    int indexOf(byte b, int from) {
        for (int i = from; i < len; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
