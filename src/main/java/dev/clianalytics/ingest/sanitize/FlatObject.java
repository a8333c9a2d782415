package dev.clianalytics.ingest.sanitize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link NativeLines}: reads a line that is one flat JSON object in the plain
 * shape nearly every producer writes (ASCII strings without escapes, integers of at most 18
 * digits, true/false/null, arrays of those; spaces and tabs between tokens) straight from its
 * bytes into NativeLines' field arrays, as Jackson's reading of it would fill them. Anything
 * else (an escape, a byte outside ASCII or a control character in a string, a fraction or
 * exponent, a nested object or array, a key that tells another format, a syntax error of any
 * kind) makes {@link #read} return false, and the line is read by Jackson as before: this path
 * never decides that a line is invalid, it only accepts lines that are strict JSON in that shape.
 * Per line it creates no parser, and a String only for the values kept.
 */
final class FlatObject {
    private static final int MAX_DIGITS = 18;
    private final byte[][] names;
    private final char[] kind;
    private final String[] text;
    private final long[] number;
    private final boolean[] integral;
    private final List<String>[] list;
    private final boolean[] seen;
    private List<String> unknown;

    FlatObject(String[] fields, char[] kind, String[] text, long[] number, boolean[] integral, List<String>[] list,
            boolean[] seen) {
        this.names = new byte[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            names[f] = fields[f].getBytes(StandardCharsets.US_ASCII);
        }
        this.kind = kind;
        this.text = text;
        this.number = number;
        this.integral = integral;
        this.list = list;
        this.seen = seen;
    }

    /** The unknown keys of the line just read, in order (null when none). */
    List<String> unknown() {
        return unknown;
    }

    /**
     * Reads {@code b[off, off+len)} into the field arrays (cleared by the caller); false when the
     * line is not in the plain shape, and the arrays must be cleared again for Jackson.
     */
    boolean read(byte[] b, int off, int len) {
        unknown = null;
        int end = off + len;
        int i = spaces(b, off, end);
        if (i >= end || b[i] != '{') {
            return false;
        }
        i = spaces(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return spaces(b, i + 1, end) == end;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return false;
            }
            int nameStart = i + 1;
            int nameEnd = stringEnd(b, nameStart, end);
            if (nameEnd < 0) {
                return false;
            }
            int f = field(b, nameStart, nameEnd - nameStart);
            i = spaces(b, nameEnd + 1, end);
            if (i >= end || b[i] != ':') {
                return false;
            }
            i = spaces(b, i + 1, end);
            if (f < 0) {
                String name = ascii(b, nameStart, nameEnd);
                if (NativeLines.isDetectionKey(name)) {
                    return false; // the format is told apart by Jackson's path
                }
                if (unknown == null) {
                    unknown = new ArrayList<>(4);
                }
                unknown.add(name);
                i = value(b, i, end, -1);
            } else if (seen[f]) {
                i = value(b, i, end, -1); // a repeated key: the first value counts
            } else {
                seen[f] = true;
                i = value(b, i, end, f);
            }
            if (i < 0) {
                return false;
            }
            i = spaces(b, i, end);
            if (i >= end) {
                return false;
            }
            if (b[i] == ',') {
                i = spaces(b, i + 1, end);
            } else if (b[i] == '}') {
                return spaces(b, i + 1, end) == end;
            } else {
                return false;
            }
        }
    }

    /** Reads one value at {@code i} (into field {@code f} when f >= 0); returns the index after it, or -1. */
    private int value(byte[] b, int i, int end, int f) {
        if (i >= end) {
            return -1;
        }
        byte c = b[i];
        if (c == '"') {
            int e = stringEnd(b, i + 1, end);
            if (e < 0) {
                return -1;
            }
            if (f >= 0) {
                kind[f] = 's';
                text[f] = ascii(b, i + 1, e);
            }
            return e + 1;
        }
        if (c == '[') {
            return array(b, i + 1, end, f);
        }
        return scalar(b, i, end, f);
    }

    /** A number or literal at {@code i}; returns the index after it, or -1. */
    private int scalar(byte[] b, int i, int end, int f) {
        byte c = b[i];
        if (c == 't' || c == 'f' || c == 'n') {
            String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            int n = word.length();
            if (i + n > end) {
                return -1;
            }
            for (int k = 1; k < n; k++) {
                if (b[i + k] != word.charAt(k)) {
                    return -1;
                }
            }
            if (!delimiter(b, i + n, end)) {
                return -1;
            }
            if (f >= 0) {
                if (c == 'n') {
                    kind[f] = '0';
                } else {
                    kind[f] = 'b';
                    text[f] = word;
                }
            }
            return i + n;
        }
        int j = i;
        boolean negative = c == '-';
        if (negative) {
            j++;
        }
        int first = j;
        if (j >= end || b[j] < '0' || b[j] > '9') {
            return -1;
        }
        long v = 0;
        if (b[j] == '0') {
            j++;
        } else {
            while (j < end && b[j] >= '0' && b[j] <= '9') {
                v = v * 10 + (b[j] - '0');
                j++;
            }
        }
        if (j - first > MAX_DIGITS || !delimiter(b, j, end)) {
            return -1; // a fraction, an exponent, a leading zero, a long number: Jackson's path
        }
        if (f >= 0) {
            kind[f] = 'n';
            integral[f] = true;
            number[f] = negative ? -v : v;
        }
        return j;
    }

    /** An array of strings and scalars after its '['; the list of its strings when all are strings. */
    private int array(byte[] b, int i, int end, int f) {
        List<String> items = f >= 0 ? new ArrayList<>() : null;
        i = spaces(b, i, end);
        if (i < end && b[i] == ']') {
            i++;
        } else {
            while (true) {
                if (i >= end) {
                    return -1;
                }
                if (b[i] == '"') {
                    int e = stringEnd(b, i + 1, end);
                    if (e < 0) {
                        return -1;
                    }
                    if (items != null) {
                        items.add(ascii(b, i + 1, e));
                    }
                    i = e + 1;
                } else if (b[i] == '[' || b[i] == '{') {
                    return -1;
                } else {
                    i = scalar(b, i, end, -1);
                    if (i < 0) {
                        return -1;
                    }
                    items = null;
                }
                i = spaces(b, i, end);
                if (i >= end) {
                    return -1;
                }
                if (b[i] == ',') {
                    i = spaces(b, i + 1, end);
                } else if (b[i] == ']') {
                    i++;
                    break;
                } else {
                    return -1;
                }
            }
        }
        if (f >= 0) {
            kind[f] = 'a';
            list[f] = items;
        }
        return i;
    }

    /** What may follow a scalar: the end, a space or tab, ',' '}' or ']'. */
    private static boolean delimiter(byte[] b, int i, int end) {
        return i >= end || b[i] == ',' || b[i] == '}' || b[i] == ']' || b[i] == ' ' || b[i] == '\t';
    }

    /** The index of the closing quote of a string of plain ASCII from {@code i}; -1 at an escape, a control or non-ASCII byte, or the end. */
    private static int stringEnd(byte[] b, int i, int end) {
        int j = Bytes.plainEnd(b, i, end);
        return j < end && b[j] == '"' ? j : -1;
    }

    private static int spaces(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The known field a key names, -1 for another key. */
    private int field(byte[] b, int off, int len) {
        for (int f = 0; f < names.length; f++) {
            byte[] n = names[f];
            if (n.length == len && same(b, off, n)) {
                return f;
            }
        }
        return -1;
    }

    private static boolean same(byte[] b, int off, byte[] name) {
        for (int k = 0; k < name.length; k++) {
            if (b[off + k] != name[k]) {
                return false;
            }
        }
        return true;
    }
}
