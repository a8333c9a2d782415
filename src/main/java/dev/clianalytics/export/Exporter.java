package dev.clianalytics.export;

import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes database tables to files with DuckDB's COPY, one file per table, rows in a stable order.
 * Every target is checked before anything is written, and each file appears whole (written beside
 * it, then moved into place), so an interrupted export leaves no half file under the real name.
 */
public final class Exporter {
    /** The exportable tables and the order their rows are written in. */
    public static final Map<String, String> TABLES = tables();

    /** Tables infer derives, which are only worth exporting when infer is current. */
    public static final List<String> DERIVED = List.of(
            "sessions", "workflow_runs", "workflow_steps", "hot_paths_fingerprint", "hot_paths_ngram");

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

    public static List<Written> export(Connection c, List<String> tables, Path dir, ExportFormat format, boolean force) {
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
        List<Written> written = new ArrayList<>();
        for (String table : tables) {
            written.add(copy(c, table, target(dir, table, format), format));
        }
        return written;
    }

    private static Written copy(Connection c, String table, Path file, ExportFormat format) {
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        String sql = "COPY (SELECT * FROM " + table + " ORDER BY " + TABLES.get(table) + ") TO '"
                + partial.toAbsolutePath().toString().replace("'", "''") + "' (" + format.copyOptions() + ")";
        long rows;
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            rows = rowCount(st);
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

    /** COPY answers with the number of rows it wrote. */
    private static long rowCount(Statement st) throws SQLException {
        try (ResultSet rs = st.getResultSet()) {
            if (rs != null && rs.next()) {
                return rs.getLong(1);
            }
        }
        return Math.max(0, st.getUpdateCount());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the partial file is hidden; the original error matters more
        }
    }

    private static String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
