package dev.clianalytics.ingest;

import dev.clianalytics.ingest.sanitize.StagedLine;
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

    /** Appends one row for line {@code lineNo} of file {@code file}. */
    static void append(StringBuilder b, int file, long lineNo, StagedLine s) {
        b.append(file).append(',').append(lineNo).append(',').append(s.blank() ? "true" : "false").append(',')
                .append(s.format()).append(',');
        if (s.reason() != null) {
            b.append(s.reason());
        }
        b.append(',').append(s.unknownKeys() == null ? 0 : s.unknownKeys().size());
        StagedLine.Event e = s.event();
        if (e == null) {
            b.append(",,,,,,,,,,,,,,,,,,,\n");
            return;
        }
        b.append(',').append(e.eventKey()).append(',').append(e.tsMicros()).append(',');
        quoted(b, e.toolName()).append(',');
        if (e.toolVersion() != null) {
            quoted(b, e.toolVersion());
        }
        b.append(',');
        joined(b, e.commandPath()).append(',');
        joined(b, e.flags()).append(',');
        if (e.exitCode() != null) {
            b.append(e.exitCode());
        }
        b.append(',');
        if (e.durationMs() != null) {
            b.append(e.durationMs());
        }
        b.append(',');
        if (e.errorType() != null) {
            quoted(b, e.errorType());
        }
        b.append(',').append(e.actorHash()).append(',').append(e.machineHash()).append(',');
        if (e.sessionHintHash() != null) {
            b.append(e.sessionHintHash());
        }
        b.append(',').append(e.ciDetected() ? "true" : "false").append(',');
        if (e.sequence() != null) {
            b.append(e.sequence());
        }
        b.append(',').append(e.flagsDropped()).append(',').append(e.flagsMalformed()).append(',').append(e.flagValues())
                .append(',');
        if (e.errorSource() != null) {
            b.append(e.errorSource()); // a plain word: [a-z][a-z0-9_-]*, nothing to quote
        }
        b.append(',');
        if (e.httpStatus() != null) {
            b.append(e.httpStatus().intValue());
        }
        b.append('\n');
    }

    private static StringBuilder joined(StringBuilder b, List<String> items) {
        b.append('"');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(LIST_SEP);
            }
            b.append(items.get(i));
        }
        return b.append('"');
    }

    private static StringBuilder quoted(StringBuilder b, String s) {
        b.append('"');
        if (s.indexOf('"') < 0) {
            b.append(s);
        } else {
            b.append(s.replace("\"", "\"\""));
        }
        return b.append('"');
    }
}
