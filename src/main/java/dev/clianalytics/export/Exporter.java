package dev.clianalytics.export;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.sql.SqlResources;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes database tables to files with DuckDB's COPY, one file per table, rows in a stable order,
 * restricted by the report filters where a table has the columns they apply to (sql/export/scope.sql).
 * Every target is checked before anything is written, and each file appears whole (written beside
 * it, then moved into place), so an interrupted export leaves no half file under the real name.
 */
public final class Exporter {
    /** The exportable tables and the order their rows are written in. */
    public static final Map<String, String> TABLES = tables();

    /** Tables infer derives, which are only worth exporting when infer is current. */
    public static final List<String> DERIVED = List.of(
            "sessions", "workflow_runs", "workflow_steps", "hot_paths_fingerprint", "hot_paths_ngram");

    /**
     * Tables the filters select rows of. The hot-path rankings have no time, tool or CI column:
     * they are exported whole (report hot-paths ranks the runs a filter keeps).
     */
    public static final List<String> FILTERABLE = List.of("events", "sessions", "workflow_runs", "workflow_steps");

    public record Written(String table, Path file, long rows) {}

    private Exporter() {}

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("events", "ingest_seq");
        t.put("flow_events", "ingest_seq");
        // identity links and sign-ins, hashed as stored (§4.4)
        t.put("actor_links", "actor_hash, linked_hash");
        t.put("sign_ins", "ts, actor_hash, anon_hash");
        t.put("sessions", "session_id");
        t.put("workflow_runs", "workflow_run_id");
        t.put("workflow_steps", "workflow_run_id, position");
        t.put("hot_paths_fingerprint", "rank");
        t.put("hot_paths_ngram", "rank");
        return java.util.Collections.unmodifiableMap(t);
    }

    /** The file a table is written to. */
    public static Path target(Path dir, String table, ExportFormat format) {
        return dir.resolve(table + "." + format.extension());
    }

    public static List<Written> export(Connection c, List<String> tables, Path dir, ExportFormat format, boolean force,
            ReportFilter filter) {
        for (String table : tables) {
            Path file = target(dir, table, format);
            if (!force && Files.exists(file)) {
                throw new CliAnalyticsException("file " + file + " exists; pass --force to overwrite it (nothing was written)");
            }
            if (Files.isDirectory(file)) {
                throw new CliAnalyticsException(file + " is a directory; choose another --to (nothing was written)");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
        defineScope(c);
        List<Written> written = new ArrayList<>();
        for (String table : tables) {
            written.add(copy(c, table, target(dir, table, format), format, filter));
        }
        return written;
    }

    /**
     * One table to a stream (standard output): written by COPY to a temporary file, as to a
     * directory, so the bytes are the same, then copied to the stream and removed.
     */
    public static long exportTo(Connection c, String table, ExportFormat format, ReportFilter filter, OutputStream out) {
        defineScope(c);
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("cli-analytics-export-");
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot create a temporary file for the export: " + e.getMessage(), e);
        }
        Path file = target(tempDir, table, format);
        try {
            long rows = copy(c, table, file, format, filter).rows();
            try {
                Files.copy(file, out);
                out.flush();
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("Broken pipe")) {
                    throw e;
                }
                // a reader that stops early (| head) is normal use, as for the reports: no error
            }
            return rows;
        } catch (IOException e) {
            throw new CliAnalyticsException("could not write " + table + " to standard output: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
            deleteQuietly(tempDir);
        }
    }

    /** The scope macros and iso_utc, for this connection (temporary: a read-only database is fine). */
    static void defineScope(Connection c) {
        try (Statement st = c.createStatement()) {
            for (String statement : SqlResources.statements(SqlResources.load("sql/export/scope.sql"))) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw new CliAnalyticsException("could not prepare the export: " + firstLine(e.getMessage()), e);
        }
    }

    private static Written copy(Connection c, String table, Path file, ExportFormat format, ReportFilter filter) {
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        String sql = "COPY (" + select(c, table, format) + ") TO '"
                + partial.toAbsolutePath().toString().replace("'", "''") + "' (" + format.copyOptions() + ")";
        long rows;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (FILTERABLE.contains(table)) {
                bind(ps, filter);
            }
            ps.execute();
            rows = rowCount(ps);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new CliAnalyticsException("could not export " + table + " to " + file + ": " + firstLine(e.getMessage()), e);
        }
        try {
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new CliAnalyticsException("could not write " + file + ": " + e.getMessage(), e);
        }
        return new Written(table, file, rows);
    }

    /** The rows of a table in scope, in their stable order, instants as ISO-8601 text for csv and json. */
    private static String select(Connection c, String table, ExportFormat format) {
        String columns = "*";
        if (format.isoTimestamps()) {
            List<String> replaced = new ArrayList<>();
            for (String column : timestampColumns(c, table)) {
                String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
                replaced.add("iso_utc(" + quoted + ") AS " + quoted);
            }
            columns = replaced.isEmpty() ? "*" : "* REPLACE (" + String.join(", ", replaced) + ")";
        }
        String from = FILTERABLE.contains(table) ? "export_" + table + "(?, ?, ?, ?)" : table;
        return "SELECT " + columns + " FROM " + from + " ORDER BY " + TABLES.get(table);
    }

    private static List<String> timestampColumns(Connection c, String table) {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("sql/export/timestamp_columns.sql"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new CliAnalyticsException("could not read the columns of " + table + ": " + firstLine(e.getMessage()), e);
        }
        return columns;
    }

    private static void bind(PreparedStatement ps, ReportFilter f) throws SQLException {
        setText(ps, 1, f.tool());
        setText(ps, 2, f.since() == null ? null : f.since().toString());
        setText(ps, 3, f.until() == null ? null : f.until().toString());
        ps.setBoolean(4, f.excludeCi());
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** COPY answers with the number of rows it wrote. */
    static long rowCount(Statement st) throws SQLException {
        try (ResultSet rs = st.getResultSet()) {
            if (rs != null && rs.next()) {
                return rs.getLong(1);
            }
        }
        return Math.max(0, st.getUpdateCount());
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a hidden partial or temporary file; the original error matters more
        }
    }

    static String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
