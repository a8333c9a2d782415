package dev.clianalytics.ingest;

import dev.clianalytics.ingest.sanitize.StagedLine;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Staged lines as rows of the CSV file DuckDB loads in bulk (TEMP ca_stage; LineStage): typed
 * values already validated and sanitized, nothing raw. Lists are joined by U+001F (their
 * elements are command words, [redacted] and flag names, none of which holds it); NULL is an empty
 * unquoted field and an empty string "" (read with allow_quoted_nulls = false).
 */
final class StageRows {
    static final char LIST_SEP = (char) 31;
    /** The columns as read_csv reads them. */
    static final String COLUMNS = "{'file_index': 'INTEGER', 'line_no': 'BIGINT', 'blank': 'BOOLEAN', 'source_format': 'VARCHAR',"
            + " 'reason': 'VARCHAR', 'unknown_count': 'BIGINT', 'event_key': 'UUID', 'ts_us': 'BIGINT', 'tool_name': 'VARCHAR',"
            + " 'tool_version': 'VARCHAR', 'command_path': 'VARCHAR', 'flags_present': 'VARCHAR', 'exit_code': 'INTEGER',"
            + " 'duration_ms': 'BIGINT', 'error_type': 'VARCHAR', 'actor_hash': 'VARCHAR', 'machine_hash': 'VARCHAR',"
            + " 'session_hint_hash': 'VARCHAR', 'ci_detected': 'BOOLEAN', 'sequence': 'BIGINT', 'flags_dropped': 'BIGINT',"
            + " 'flags_malformed': 'BIGINT', 'flag_values': 'BIGINT', 'error_source': 'VARCHAR', 'http_status': 'SMALLINT'}";

    private StageRows() {}

    /**
     * The SELECT that turns the loaded CSV (parameter: its path) into ca_stage's columns; with
     * {@code reveal}, the tokens of the variable ca_reveal become their words (HeldWords).
     */
    static String select(boolean reveal) {
        String path = "string_split(command_path, chr(31))";
        String flags = "string_split(flags_present, chr(31))";
        return "SELECT file_index, line_no, blank, 0 AS index_in_line, source_format, reason, unknown_count, event_key,"
                + " make_timestamp(ts_us)::TIMESTAMPTZ AS ts, tool_name, tool_version,"
                + " " + (reveal ? HeldWords.revealIn("command_path", path) : path) + " AS command_path,"
                + " CASE WHEN flags_present = '' THEN []::VARCHAR[] ELSE " + (reveal ? HeldWords.revealIn("flags_present", flags) : flags)
                + " END AS flags_present,"
                + " exit_code, duration_ms, error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, sequence,"
                + " flags_dropped, flags_malformed, flag_values, error_source, http_status"
                + " FROM read_csv(?, columns = " + COLUMNS + ", header = false, auto_detect = false, delim = ',', quote = '\"',"
                + " escape = '\"', allow_quoted_nulls = false, new_line = '\\n', max_line_size = 1048576)";
    }

    /**
     * Rows as UTF-8 bytes, appended in place: the staging's hot path writes every value straight
     * into one growable array (no String per row, no second encoding pass).
     */
    static final class Buffer {
        private byte[] bytes;
        private int size;
        private final byte[] digits = new byte[20];

        Buffer(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        int size() {
            return size;
        }

        /** The rows written so far (a copy). */
        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }

        void writeTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(bytes, 0, size);
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        Buffer put(char ascii) {
            room(1);
            bytes[size++] = (byte) ascii;
            return this;
        }

        /** An ASCII literal (field separators, true/false, constant words). */
        Buffer ascii(String s) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
            return this;
        }

        Buffer number(long v) {
            if (v == Long.MIN_VALUE) {
                return ascii("-9223372036854775808");
            }
            room(20);
            if (v < 0) {
                bytes[size++] = '-';
                v = -v;
            }
            // digits from the last, one division each, into the scratch end of the array
            int at = 20;
            do {
                long q = v / 10;
                digits[--at] = (byte) ('0' + (v - q * 10));
                v = q;
            } while (v != 0);
            System.arraycopy(digits, at, bytes, size, 20 - at);
            size += 20 - at;
            return this;
        }

        /** {@code s} as UTF-8, each '"' doubled when {@code quoteEscaped} (CSV's escape, as String.replace did). */
        Buffer text(String s, boolean quoteEscaped) {
            int n = s.length();
            room(n * 2);
            int mark = size;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    size = mark;
                    return utf8(s, quoteEscaped);
                }
                bytes[size++] = (byte) c;
                if (c == '"' && quoteEscaped) {
                    bytes[size++] = '"';
                }
            }
            return this;
        }

        /** The general case: String's own encoder (a lone surrogate becomes '?', as before). */
        private Buffer utf8(String s, boolean quoteEscaped) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            room(b.length * 2);
            for (byte x : b) {
                bytes[size++] = x;
                if (x == '"' && quoteEscaped) {
                    bytes[size++] = '"';
                }
            }
            return this;
        }
    }

    /** Appends one row for line {@code lineNo} of file {@code file}. */
    static void append(Buffer b, int file, long lineNo, StagedLine s) {
        b.number(file).put(',').number(lineNo).put(',').ascii(s.blank() ? "true" : "false").put(',')
                .ascii(s.format()).put(',');
        if (s.reason() != null) {
            b.text(s.reason(), false);
        }
        b.put(',').number(s.unknownKeys() == null ? 0 : s.unknownKeys().size());
        StagedLine.Event e = s.event();
        if (e == null) {
            b.ascii(",,,,,,,,,,,,,,,,,,,\n");
            return;
        }
        b.put(',');
        uuid(b, e.eventKey());
        b.put(',').number(e.tsMicros()).put(',');
        quoted(b, e.toolName()).put(',');
        if (e.toolVersion() != null) {
            quoted(b, e.toolVersion());
        }
        b.put(',');
        joined(b, e.commandPath()).put(',');
        joined(b, e.flags()).put(',');
        if (e.exitCode() != null) {
            b.number(e.exitCode());
        }
        b.put(',');
        if (e.durationMs() != null) {
            b.number(e.durationMs());
        }
        b.put(',');
        if (e.errorType() != null) {
            quoted(b, e.errorType());
        }
        b.put(',').text(e.actorHash(), false).put(',').text(e.machineHash(), false).put(',');
        if (e.sessionHintHash() != null) {
            b.text(e.sessionHintHash(), false);
        }
        b.put(',').ascii(e.ciDetected() ? "true" : "false").put(',');
        if (e.sequence() != null) {
            b.number(e.sequence());
        }
        b.put(',').number(e.flagsDropped()).put(',').number(e.flagsMalformed()).put(',').number(e.flagValues())
                .put(',');
        if (e.errorSource() != null) {
            b.text(e.errorSource(), false); // a plain word: [a-z][a-z0-9_-]*, nothing to quote
        }
        b.put(',');
        if (e.httpStatus() != null) {
            b.number(e.httpStatus().intValue());
        }
        b.put('\n');
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A UUID as UUID.toString() spells it (8-4-4-4-12 lower-case hex digits). */
    private static void uuid(Buffer b, java.util.UUID u) {
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        hex(b, hi >>> 32, 8).put('-');
        hex(b, hi >>> 16, 4).put('-');
        hex(b, hi, 4).put('-');
        hex(b, lo >>> 48, 4).put('-');
        hex(b, lo, 12);
    }

    private static Buffer hex(Buffer b, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            b.put((char) HEX[(int) (v >>> (4 * i)) & 0xf]);
        }
        return b;
    }

    private static Buffer joined(Buffer b, List<String> items) {
        b.put('"');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.put(LIST_SEP);
            }
            b.text(items.get(i), false);
        }
        return b.put('"');
    }

    private static Buffer quoted(Buffer b, String s) {
        return b.put('"').text(s, true).put('"');
    }
}
