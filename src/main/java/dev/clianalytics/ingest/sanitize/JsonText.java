package dev.clianalytics.ingest.sanitize;

import java.util.List;

/**
 * JSON texts of values as every earlier build's key content spelled them (DuckDB writing back
 * what it parsed): minified, escapes decoded except {@code "} {@code \\}, {@code \b \f \n \r \t}
 * and other control characters ({@code \\u001B}, upper-case hex); nothing else escaped.
 */
final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {}

    static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        if (plain(s)) {
            return b.append(s).append('"');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static StringBuilder strings(StringBuilder b, List<String> items) {
        b.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(b, items.get(i));
        }
        return b.append(']');
    }
}
