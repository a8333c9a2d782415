package dev.clianalytics.export;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.sql.SqlResources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * The workflow runs as an IEEE 1849 (XES) event log for process-mining tools (PM4Py, Disco,
 * Celonis): one trace per run, one event per command. DuckDB renders the XML text and writes the
 * file in one COPY (sql/export/xes_events.sql), sorting out of core, so memory stays bounded
 * whatever the number of events and nothing passes through the JVM row by row.
 */
public final class XesExport {
    /** The file written into the --to directory. */
    public static final String FILE_NAME = "workflow_runs.xes";

    public record Written(Path file, long traces, long events) {}

    /**
     * The log element with the standard extensions the attributes use, the attributes every trace
     * and event has (globals, with defaults), the classifiers, and the log's name. xes.version is
     * the schema's decimal version of the IEEE standard (2.0); its namespace is the XES one.
     */
    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <log xes.version="2.0" xes.features="" xmlns="http://www.xes-standard.org/">
              <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
              <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
              <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
              <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
              <global scope="trace">
                <string key="concept:name" value="__INVALID__"/>
              </global>
              <global scope="event">
                <string key="concept:name" value="__INVALID__"/>
                <date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>
                <string key="lifecycle:transition" value="complete"/>
                <string key="org:resource" value="__INVALID__"/>
              </global>
              <classifier name="Activity" keys="concept:name"/>
              <classifier name="Activity_and_transition" keys="concept:name lifecycle:transition"/>
              <string key="concept:name" value="cli-analytics workflow runs"/>""";
    private static final String FOOTER = "</log>";

    private XesExport() {}

    /** The log into dir, written beside its name and moved into place when whole. */
    public static Written export(Connection c, Path dir, boolean force, ReportFilter filter) {
        Path file = dir.resolve(FILE_NAME);
        if (!force && Files.exists(file)) {
            throw new CliAnalyticsException("file " + file + " exists; pass --force to overwrite it (nothing was written)");
        }
        if (Files.isDirectory(file)) {
            throw new CliAnalyticsException(file + " is a directory; choose another --to (nothing was written)");
        }
        Path partial = file.resolveSibling("." + FILE_NAME + ".partial");
        long[] counts;
        try {
            Files.createDirectories(dir);
            counts = copy(c, filter, partial);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            Exporter.deleteQuietly(partial);
            throw new CliAnalyticsException("could not write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Exporter.deleteQuietly(partial);
            throw e;
        }
        return new Written(file, counts[0], counts[1]);
    }

    /**
     * The log to a stream (standard output): written by COPY to a temporary file, as into a
     * directory, so the bytes are the same, then copied to the stream and removed. Returns {traces, events}.
     */
    public static long[] write(Connection c, ReportFilter filter, OutputStream stream) {
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("cli-analytics-export-");
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot create a temporary file for the export: " + e.getMessage(), e);
        }
        Path file = tempDir.resolve(FILE_NAME);
        try {
            long[] counts = copy(c, filter, file);
            try {
                Files.copy(file, stream);
                stream.flush();
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("Broken pipe")) {
                    throw new UncheckedIOException(e);
                }
                // a reader that stops early (| head) is normal use: no error
            }
            return counts;
        } finally {
            Exporter.deleteQuietly(file);
            Exporter.deleteQuietly(tempDir);
        }
    }

    /**
     * DuckDB renders and writes the log (xes_events.sql) in one COPY: text rows without quoting,
     * each followed by a newline. The query sorts by run and step out of core, so memory stays
     * bounded whatever the number of events. Returns {traces, events}.
     */
    private static long[] copy(Connection c, ReportFilter filter, Path target) {
        Exporter.defineScope(c);
        String sql = "COPY (" + SqlResources.load("sql/export/xes_events.sql") + ") TO '"
                + target.toAbsolutePath().toString().replace("'", "''")
                + "' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER E'\\x01')";
        try (PreparedStatement copy = c.prepareStatement(sql);
                PreparedStatement traces = c.prepareStatement("SELECT count(*) FROM export_workflow_runs(?, ?, ?, ?)")) {
            bind(copy, filter);
            try (Statement st = c.createStatement()) {
                // the query's ORDER BY orders the lines all the same; without this setting COPY
                // also buffers the sorted batches to keep their order and runs out of memory at 5M events
                st.execute("SET preserve_insertion_order = false");
            }
            copy.setString(5, HEADER);
            copy.setString(6, FOOTER);
            copy.execute();
            long lines = Exporter.rowCount(copy);
            if (lines == 0) { // no run in scope: a log with no trace
                Files.writeString(target, HEADER + "\n" + FOOTER + "\n");
            }
            bind(traces, filter);
            long traceCount;
            try (ResultSet rs = traces.executeQuery()) {
                rs.next();
                traceCount = rs.getLong(1);
            }
            return new long[] {traceCount, lines};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new CliAnalyticsException("could not export the XES event log: " + Exporter.firstLine(e.getMessage()), e);
        }
    }

    private static void bind(PreparedStatement ps, ReportFilter f) throws SQLException {
        Object[] values = {f.tool(), f.since() == null ? null : f.since().toString(),
            f.until() == null ? null : f.until().toString()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setString(i + 1, values[i].toString());
            }
        }
        ps.setBoolean(4, f.excludeCi());
    }
}
