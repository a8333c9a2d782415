package dev.clianalytics.export;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.sql.SqlResources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The workflow runs as an IEEE 1849 (XES) event log for process-mining tools (PM4Py, Disco,
 * Celonis): one trace per run, one event per command. DuckDB renders the XML text and writes it
 * (sql/export/xes_events.sql) one slice of runs at a time, so memory stays bounded whatever the
 * number of events and nothing passes through the JVM row by row.
 */
public final class XesExport {
    /** The file written into the --to directory. */
    public static final String FILE_NAME = "workflow_runs.xes";

    /**
     * Events per slice: a slice's narrow rows sort in about 150 MB, well inside the default memory
     * limit (1 GB), and slices this large keep the per-slice overhead negligible.
     */
    static final long DEFAULT_SLICE_EVENTS = 1_000_000;

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
            counts = copy(c, filter, partial, DEFAULT_SLICE_EVENTS);
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
     * The log to a stream (standard output): written to a temporary file, as into a directory, so
     * the bytes are the same, then copied to the stream and removed. Returns {traces, events}.
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
            long[] counts = copy(c, filter, file, DEFAULT_SLICE_EVENTS);
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
     * Writes the log to target: the header, then the runs in slices of about sliceEvents events,
     * each rendered and sorted by DuckDB (xes_events.sql) in one COPY to a scratch file beside the
     * target and appended in run order (by another thread, while DuckDB renders the next), then
     * the footer. A slice's sort stays in memory where one
     * sort of every run spills to disk (bench/RESULTS.md, issue 15); memory stays bounded whatever
     * the number of events, and nothing passes through the JVM row by row. Returns {traces, events}.
     */
    static long[] copy(Connection c, ReportFilter filter, Path target, long sliceEvents) {
        Exporter.defineScope(c);
        // two scratch files: DuckDB writes the next slice into one while the other is appended
        Path[] scratch = {target.resolveSibling(target.getFileName() + ".slice-a"),
            target.resolveSibling(target.getFileName() + ".slice-b")};
        ExecutorService appender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "xes-append");
            t.setDaemon(true);
            return t;
        });
        try (PreparedStatement scope = c.prepareStatement("SELECT count(*), coalesce(sum(step_count), 0), "
                        + "min(workflow_run_id), max(workflow_run_id) FROM export_workflow_runs(?, ?, ?, ?)");
                PreparedStatement copyA = prepareSlice(c, scratch[0]);
                PreparedStatement copyB = prepareSlice(c, scratch[1]);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long traces;
            long events;
            long first;
            long last;
            bind(scope, filter);
            try (ResultSet rs = scope.executeQuery()) {
                rs.next();
                traces = rs.getLong(1);
                events = rs.getLong(2);
                first = rs.getLong(3);
                last = rs.getLong(4);
            }
            try (Statement st = c.createStatement()) {
                // the query's ORDER BY orders the lines all the same; without this setting COPY
                // also buffers the sorted batches to keep their order
                st.execute("SET preserve_insertion_order = false");
            }
            writeText(out, HEADER + "\n");
            PreparedStatement[] copies = {copyA, copyB};
            List<Future<?>> appends = new ArrayList<>();
            long lines = 0;
            long slices = traces == 0 ? 0 : Math.max(1, (events + sliceEvents - 1) / sliceEvents);
            for (int i = 0; i < slices; i++) {
                int k = i % 2;
                if (i >= 2) {
                    awaitAppend(appends.get(i - 2)); // the scratch file is free again
                }
                // equal ranges of run ids: infer numbers runs densely, so the slices are about even
                long span = last - first + 1;
                bind(copies[k], filter);
                copies[k].setLong(5, first + span * i / slices);
                copies[k].setLong(6, first + span * (i + 1) / slices);
                copies[k].execute();
                lines += Exporter.rowCount(copies[k]);
                Path slice = scratch[k];
                appends.add(appender.submit(() -> {
                    append(out, slice);
                    return null;
                })); // one thread: the slices are appended in order
            }
            for (Future<?> f : appends) {
                awaitAppend(f);
            }
            writeText(out, FOOTER + "\n");
            return new long[] {traces, lines};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new CliAnalyticsException("could not export the XES event log: " + Exporter.firstLine(e.getMessage()), e);
        } finally {
            appender.shutdownNow();
            awaitQuietly(appender);
            Exporter.deleteQuietly(scratch[0]);
            Exporter.deleteQuietly(scratch[1]);
        }
    }

    /** The COPY of one slice ($5 <= run id < $6) into a scratch file. */
    private static PreparedStatement prepareSlice(Connection c, Path scratch) throws SQLException {
        return c.prepareStatement("COPY (" + SqlResources.load("sql/export/xes_events.sql") + ") TO '"
                + scratch.toAbsolutePath().toString().replace("'", "''")
                + "' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER E'\\x01')");
    }

    private static void awaitAppend(Future<?> append) throws IOException {
        try {
            append.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliAnalyticsException("the export was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService appender) {
        try {
            appender.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeText(FileChannel out, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** The whole of a slice's file at the end of out (in the kernel where it can). */
    private static void append(FileChannel out, Path slice) throws IOException {
        try (FileChannel in = FileChannel.open(slice, StandardOpenOption.READ)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
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
