package dev.clianalytics.export;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.sql.SqlResources;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The workflow runs as an IEEE 1849 (XES) event log for process-mining tools (PM4Py, Disco,
 * Celonis): one trace per run, one event per command. Rows stream from DuckDB (the driver streams
 * results) straight into the writer, so memory stays constant whatever the number of events.
 */
public final class XesExport {
    /** The file written into the --to directory. */
    public static final String FILE_NAME = "workflow_runs.xes";

    public record Written(Path file, long traces, long events) {}

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
            try (OutputStream out = Files.newOutputStream(partial)) {
                counts = write(c, filter, out);
            }
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

    /** The log to a stream (standard output); returns {traces, events}. */
    public static long[] write(Connection c, ReportFilter filter, OutputStream stream) {
        Exporter.defineScope(c);
        BufferedWriter buffered = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        XesWriter xes = new XesWriter(buffered);
        long traces = 0;
        long events = 0;
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("sql/export/xes_events.sql"))) {
            bind(ps, filter);
            try (ResultSet rs = ps.executeQuery()) {
                xes.begin("cli-analytics workflow runs");
                long run = -1;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String actor = rs.getString(4);
                    if (id != run) {
                        if (run >= 0) {
                            xes.endTrace();
                        }
                        xes.beginTrace(id, rs.getString(2), rs.getString(3), actor, rs.getString(5));
                        run = id;
                        traces++;
                    }
                    int exit = rs.getInt(8);
                    Integer exitCode = rs.wasNull() ? null : exit;
                    long duration = rs.getLong(9);
                    Long durationMs = rs.wasNull() ? null : duration;
                    xes.event(rs.getString(6), rs.getString(7), actor, exitCode, durationMs, rs.getString(10));
                    events++;
                }
                if (run >= 0) {
                    xes.endTrace();
                }
                xes.end();
            }
        } catch (SQLException e) {
            throw new CliAnalyticsException("could not export the XES event log: " + Exporter.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {traces, events};
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
