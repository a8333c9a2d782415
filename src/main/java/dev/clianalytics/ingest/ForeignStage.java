package dev.clianalytics.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.db.Database;
import dev.clianalytics.ingest.IngestResult.NameCount;
import dev.clianalytics.ingest.formats.FlowEvent;
import dev.clianalytics.ingest.formats.FormatReader;
import dev.clianalytics.ingest.formats.NativeEvent;
import dev.clianalytics.ingest.formats.NativeJson;
import dev.clianalytics.ingest.sanitize.FlowEvents;
import dev.clianalytics.ingest.sanitize.IdHasher;
import dev.clianalytics.ingest.sanitize.NativeLines;
import java.nio.charset.StandardCharsets;
import dev.clianalytics.sql.SqlResources;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hands the lines the staging detected (or was told) to be PostHog or Segment to their
 * {@link FormatReader}, one reader per file and format, in line order, and stages what they map
 * (SPEC §4.4, docs/formats.md): command events through the native staging itself (their native
 * lines, {@link NativeJson}, staged by NativeLines) into TEMP ca_foreign_events; flow events and
 * links into TEMP ca_foreign; rejects onto their lines in ca_stage; ignored events counted by name.
 * The readers' output passes through private temporary files (mode 600, deleted at once) so that
 * DuckDB, not JDBC, loads it in bulk; ids are hashed before they are written.
 */
final class ForeignStage {
    private static final Pattern SHOWN_NAME = Pattern.compile("[$A-Za-z][A-Za-z0-9 _.:$-]{0,63}");
    /** What the readers emit besides command events, as written to the temporary file. */
    private static final Map<String, String> COLUMNS = columns(
            "kind", "VARCHAR", "file_index", "INTEGER", "line_no", "BIGINT", "index_in_line", "INTEGER",
            "source_format", "VARCHAR", "reason", "VARCHAR", "timestamp", "VARCHAR", "event_name", "VARCHAR",
            "tool_name", "VARCHAR", "tool_version", "VARCHAR", "event_key", "UUID", "ts_us", "BIGINT", "properties", "JSON",
            "records", "INTEGER", "actor_hash", "VARCHAR", "machine_hash", "VARCHAR", "session_hint_hash", "VARCHAR",
            "linked_hash", "VARCHAR");

    private final Database db;
    private final ForeignReaders readers;
    /** Validates, keys and sanitizes the command events the readers map, exactly as native lines. */
    private final NativeLines natives;
    /** The ids of links, hashed before anything is written. */
    private final IdHasher ids;
    /** Flow events sanitized, hashed and keyed before anything is written. */
    private final FlowEvents flows;
    private final Map<String, FormatReader> open = new LinkedHashMap<>();
    private Path rowsFile;
    private Path nativeFile;
    private Rows rows;
    private final Map<String, Long> ignored = new HashMap<>();
    private final Map<Integer, Long> ignoredByFile = new HashMap<>();
    private final Map<Integer, Long> mergedByFile = new HashMap<>();
    private long ignoredTotal;
    private long toolDefaulted;

    ForeignStage(Database db, ForeignReaders readers, NativeLines natives, IdHasher ids, FlowEvents flows) {
        this.db = db;
        this.readers = readers;
        this.natives = natives;
        this.ids = ids;
        this.flows = flows;
    }

    /** The lines staging found to be PostHog or Segment, handed over in file order. */
    LineStage.ForeignLines feed() {
        return new LineStage.ForeignLines() {
            @Override
            public void line(int file, long lineNo, String format, String text) {
                try {
                    if (rows == null) {
                        rowsFile = privateTempFile();
                        nativeFile = privateTempFile();
                        rows = new Rows(Files.newBufferedWriter(rowsFile), Files.newBufferedWriter(nativeFile));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stage foreign events in a temporary file", e);
                }
                FormatReader reader = open.computeIfAbsent(format,
                        x -> readers.readerFor(InputFormat.valueOf(x.toUpperCase(Locale.ROOT))).orElse(null));
                Sink sink = new Sink(rows, file, format);
                if (reader == null) {
                    sink.reject(lineNo, "unsupported_format:" + format);
                } else {
                    reader.accept(text, lineNo, sink);
                }
            }

            @Override
            public void endFile(int file) {
                if (rows != null) {
                    finish(open, rows, file);
                }
                open.clear();
            }
        };
    }

    /** Loads what the readers gave; afterwards TEMP ca_foreign and ca_foreign_events exist. */
    void run(boolean keepRejectedText) throws SQLException {
        if (rows == null) {
            load(null, null); // a native file: only the empty tables the later steps read
            return;
        }
        try {
            rows.close();
            load(rows.count > 0 ? rowsFile : null, rows.events > 0 ? nativeFile : null);
            markRejects(keepRejectedText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage foreign events in a temporary file", e);
        } finally {
            close();
        }
    }

    /** Removes the temporary files (also when the run failed before loading them). */
    void close() {
        if (rows != null) {
            try {
                rows.close();
            } catch (IOException | RuntimeException ignored) {
                // removed below either way
            }
        }
        delete(rowsFile);
        delete(nativeFile);
    }

    private static Path privateTempFile() throws IOException {
        return Files.createTempFile("cli-analytics-foreign-", ".jsonl",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // private to this user, in the temporary directory: nothing more to do
            }
        }
    }

    long ignoredTotal() {
        return ignoredTotal;
    }

    /** Events of file {@code file} ignored (counted by name, not stored). */
    long ignored(int file) {
        return ignoredByFile.getOrDefault(file, 0L);
    }

    /** Lifecycle calls of file {@code file} merged into the call that stands for their invocation. */
    long merged(int file) {
        return mergedByFile.getOrDefault(file, 0L);
    }

    /** Command and flow events that named no tool and were given the default one. */
    long toolDefaulted() {
        return toolDefaulted;
    }

    /** Ignored event names, most frequent first; names that do not look like plain names are not shown. */
    List<NameCount> ignoredNames(int max) {
        return ignored.entrySet().stream()
                .filter(e -> SHOWN_NAME.matcher(e.getKey()).matches())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(e -> new NameCount(e.getKey(), e.getValue()))
                .toList();
    }

    private void finish(Map<String, FormatReader> open, Rows rows, int file) {
        open.forEach((format, reader) -> {
            if (reader != null) {
                reader.finish(new Sink(rows, file, format));
            }
        });
        open.clear();
    }

    /**
     * Loads the readers' output; the command events go through the native staging itself
     * (NativeLines over their native lines, NativeJson), so they are validated, keyed and
     * sanitized exactly as native events are. Row k of that staging is the k-th event written.
     */
    private void load(Path rowsFile, Path nativeFile) throws SQLException {
        StringBuilder stored = new StringBuilder();
        StringBuilder read = new StringBuilder();
        COLUMNS.forEach((name, type) -> {
            read.append(read.length() == 0 ? "{" : ", ").append(name).append(": '").append(type).append('\'');
            stored.append(stored.length() == 0 ? "" : ", ").append(name).append(' ').append(type);
        });
        if (rowsFile == null) {
            db.execute("CREATE TEMP TABLE ca_foreign (" + stored + ")");
        } else {
            // ids were hashed before they were written: no raw id reaches a file or a table
            try (PreparedStatement ps = db.connection().prepareStatement("CREATE TEMP TABLE ca_foreign AS SELECT * FROM"
                    + " read_json(?, format = 'newline_delimited', columns = " + read + "})")) {
                ps.setString(1, rowsFile.toAbsolutePath().toString());
                ps.execute();
            }
        }
        if (nativeFile == null) {
            db.execute("CREATE TEMP TABLE ca_foreign_native AS SELECT * FROM ca_stage WHERE false");
        } else {
            try (PreparedStatement ps = db.connection().prepareStatement("CREATE TEMP TABLE ca_foreign_native AS "
                    + StageRows.select(false) + " ORDER BY line_no")) {
                ps.setString(1, nativeFile.toAbsolutePath().toString());
                ps.execute();
            }
        }
        db.execute("CREATE TEMP TABLE ca_foreign_events AS " + SqlResources.load("sql/staging/stg_foreign_events.sql"));
        // every event of the run, native or mapped, as ingest_events.sql reads them
        db.execute("CREATE TEMP VIEW ca_event_lines AS"
                + " SELECT file_index, line_no, index_in_line, source_format, event_key, ts, tool_name, tool_version,"
                + " command_path, flags_present, exit_code, duration_ms, error_type, actor_hash, machine_hash,"
                + " session_hint_hash, ci_detected, sequence, error_source, http_status"
                + " FROM ca_stage WHERE event_key IS NOT NULL"
                + " UNION ALL SELECT file_index, line_no, index_in_line, source_format, event_key, ts, tool_name,"
                + " tool_version, command_path, flags_present, exit_code, duration_ms, error_type, actor_hash,"
                + " machine_hash, session_hint_hash, ci_detected, sequence, error_source, http_status"
                + " FROM ca_foreign_events WHERE reason IS NULL");
    }

    /** A line a reader rejected carries the first reason it got, exactly like a rejected native line. */
    private void markRejects(boolean keepRejectedText) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE ca_stage SET reason = r.reason"
                        + " FROM (SELECT r.file_index, r.line_no, min(r.reason) AS reason"
                        + "       FROM (SELECT file_index, line_no, reason FROM ca_foreign WHERE kind IN ('reject', 'reject_record')"
                        + "             UNION ALL SELECT file_index, line_no, reason FROM ca_foreign_events"
                        + "             WHERE reason IS NOT NULL) r GROUP BY ALL) r"
                        + " WHERE ca_stage.file_index = r.file_index AND ca_stage.line_no = r.line_no")) {
            ps.executeUpdate();
        }
    }

    /** The readers' output as JSON lines with the columns of ca_foreign. */
    private static Map<String, String> columns(String... nameType) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            m.put(nameType[i], nameType[i + 1]);
        }
        return m;
    }

    private static final class Rows {
        private final JsonGenerator g;
        private final BufferedWriter out;
        private final BufferedWriter natives;
        long count;
        long events;

        Rows(BufferedWriter out, BufferedWriter natives) throws IOException {
            this.out = out;
            this.natives = natives;
            g = new ObjectMapper().getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.setRootValueSeparator(new SerializedString("\n"));
        }

        JsonGenerator start(String kind, int file, long line, int index, String format) throws IOException {
            g.writeStartObject();
            g.writeStringField("kind", kind);
            g.writeNumberField("file_index", file);
            g.writeNumberField("line_no", line);
            g.writeNumberField("index_in_line", index);
            g.writeStringField("source_format", format);
            return g;
        }

        void end(JsonGenerator g) throws IOException {
            g.writeEndObject();
            count++;
        }

        private boolean closed;

        void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                g.writeRaw('\n');
                g.close();
            } finally {
                out.close();
                natives.close();
            }
        }
    }

    /** Writes what one reader emits for one file. */
    private final class Sink implements FormatReader.Sink {
        private final Rows rows;
        private final int file;
        private final String format;

        Sink(Rows rows, int file, String format) {
            this.rows = rows;
            this.file = file;
            this.format = format;
        }

        @Override
        public void event(long lineNumber, int indexInLine, NativeEvent e) {
            try {
                rows.end(rows.start("event", file, lineNumber, indexInLine, format));
                byte[] line = NativeJson.line(e).getBytes(StandardCharsets.UTF_8);
                rows.events++;
                StageRows.Buffer row = new StageRows.Buffer(256);
                StageRows.append(row, 0, rows.events, natives.stage(line, 0, line.length));
                rows.natives.write(new String(row.toByteArray(), StandardCharsets.UTF_8));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        @Override
        public void flowEvent(long lineNumber, int indexInLine, FlowEvent e) {
            FlowEvents.Sanitized f = e.sanitized(flows);
            if (f == null) {
                reject(lineNumber, "bad_timestamp");
                return;
            }
            try {
                JsonGenerator g = rows.start("flow", file, lineNumber, indexInLine, format);
                g.writeStringField("event_key", f.eventKey().toString());
                g.writeNumberField("ts_us", f.tsMicros());
                text(g, "event_name", f.eventName());
                text(g, "tool_name", f.toolName());
                text(g, "tool_version", f.toolVersion());
                text(g, "actor_hash", f.actorHash());
                text(g, "machine_hash", f.machineHash());
                text(g, "session_hint_hash", f.sessionHintHash());
                g.writeFieldName("properties");
                g.writeRawValue(f.properties());
                rows.end(g);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        @Override
        public void link(long lineNumber, int indexInLine, String actorId, String linkedActorId, String timestamp) {
            try {
                JsonGenerator g = rows.start("link", file, lineNumber, indexInLine, format);
                text(g, "actor_hash", ids.hash(actorId));
                text(g, "linked_hash", ids.hash(linkedActorId));
                text(g, "timestamp", timestamp);
                rows.end(g);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        @Override
        public void ignored(String eventName) {
            ignored.merge(eventName, 1L, Long::sum);
            ignoredByFile.merge(file, 1L, Long::sum);
            ignoredTotal++;
        }

        @Override
        public void reject(long lineNumber, String reason) {
            rejectRow("reject", lineNumber, reason);
        }

        @Override
        public void rejectRecord(long lineNumber, String reason) {
            rejectRow("reject_record", lineNumber, reason);
        }

        private void rejectRow(String kind, long lineNumber, String reason) {
            try {
                JsonGenerator g = rows.start(kind, file, lineNumber, 0, format);
                text(g, "reason", reason);
                rows.end(g);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        /** Only lines of other than one record need a row: each non-blank line counts one already. */
        @Override
        public void lineRead(long lineNumber, int records) {
            if (records == 1) {
                return;
            }
            try {
                JsonGenerator g = rows.start("line", file, lineNumber, 0, format);
                g.writeNumberField("records", records);
                rows.end(g);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        @Override
        public void merged(int calls) {
            if (calls > 0) {
                mergedByFile.merge(file, (long) calls, Long::sum);
            }
        }

        @Override
        public void toolDefaulted() {
            toolDefaulted++;
        }

        private void text(JsonGenerator g, String name, String value) throws IOException {
            if (value != null) {
                g.writeStringField(name, value);
            }
        }
    }
}
