package dev.clianalytics.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;

/**
 * What a database holds and what lies around it, compared between a crashed run and a clean one.
 * Read through DuckDB directly (read-only), not through the product: a database a crash left
 * half-migrated must still be described, not refused.
 */
final class DbState {
    /** The files a database consists of besides itself; none may outlive what they belong to. */
    static final List<String> COMPANIONS = List.of(".wal", ".salt", ".tmp");

    /** Every table infer writes (workflow_steps is a view over two of them). */
    static final List<String> DERIVED = List.of("sessions", "workflow_runs", "workflow_step_rows", "workflow_step_triples",
            "hot_paths_fingerprint", "hot_paths_ngram", "summary_totals", "workflow_stats", "version_counts");

    private DbState() {}

    /** Which of the database and its companion files exist, by name ({@code x.duckdb.tmp/} for the spill directory). */
    static List<String> files(Path db) {
        List<String> found = new ArrayList<>();
        if (Files.exists(db)) {
            found.add(db.getFileName().toString());
        }
        for (String suffix : COMPANIONS) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(p)) {
                found.add(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
            }
        }
        return found;
    }

    /** The product's temporary files ({@code cli-analytics-*}) in a directory. */
    static List<String> tempFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cli-analytics-")).sorted().toList();
        }
    }

    /**
     * Whether a file holds input as read: a JSON key every native line has, which no sanitized value
     * holds (the staged rows are values only; the private copies of the input are ciphertext).
     */
    static boolean holdsRawLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\"actor_id\"");
    }

    /**
     * The stored events as "count xor-of-row-hashes", without the run id (a retried batch may land
     * in a later run than in a clean history); "0 0" for a missing file or one without tables yet.
     */
    static String events(Path db, String... exclude) {
        List<String> columns = new ArrayList<>(List.of("run_id"));
        columns.addAll(List.of(exclude));
        return ifTable(db, "events", "0 0", "SELECT count(*) || ' ' || coalesce(bit_xor(hash(e)), 0) FROM (SELECT * EXCLUDE ("
                + String.join(", ", columns) + ") FROM events) e");
    }

    /** (ingest runs, sum of their accepted, events): a run counts only if all three moved together. */
    static long[] ingestRuns(Path db) {
        String r = ifTable(db, "ingest_runs", "0 0 0", "SELECT (SELECT count(*) FROM ingest_runs) || ' ' || (SELECT"
                + " coalesce(sum(accepted), 0) FROM ingest_runs) || ' ' || (SELECT count(*) FROM events)");
        return Stream.of(r.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** Every derived table as "table count xor", in one line. */
    static String derived(Path db) {
        List<String> parts = new ArrayList<>();
        for (String t : DERIVED) {
            parts.add("SELECT '" + t + " ' || count(*) || ' ' || coalesce(bit_xor(hash(x)), 0) FROM " + t + " x");
        }
        return String.join("; ", rows(db, String.join(" UNION ALL ", parts) + " ORDER BY 1"));
    }

    /** (infer runs, sessions, workflow runs, the newest infer run's sessions and runs). */
    static String inferRuns(Path db) {
        return String.join("", rows(db, "SELECT (SELECT count(*) FROM infer_runs) || ' | ' || (SELECT count(*) FROM sessions) || ' | '"
                + " || (SELECT count(*) FROM workflow_runs) || ' | ' || (SELECT coalesce(max_by(sessions, infer_id), 0) FROM infer_runs)"
                + " || ' | ' || (SELECT coalesce(max_by(workflow_runs, infer_id), 0) FROM infer_runs)"));
    }

    /** Whether the derived tables are those of the newest infer run (counts), as infer promises. */
    static boolean inferConsistent(String inferRuns) {
        String[] s = inferRuns.split(" \\| ");
        return s[1].equals(s[3]) && s[2].equals(s[4]);
    }

    /** The names of the tables and views, to see that nothing a crash staged outlives the next run. */
    static String tables(Path db) {
        return String.join(" ", rows(db, "SELECT table_name FROM information_schema.tables ORDER BY 1"));
    }

    /** The one value of {@code sql}, or {@code none} when the file or {@code table} does not exist (yet). */
    private static String ifTable(Path db, String table, String none, String sql) {
        if (!Files.exists(db)) {
            return none;
        }
        return read(db, st -> column(st, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'")
                .get(0).equals("0") ? none : column(st, sql).get(0));
    }

    private static List<String> rows(Path db, String sql) {
        return read(db, st -> column(st, sql));
    }

    private interface Reading<T> {
        T apply(Statement st) throws SQLException;
    }

    private static <T> T read(Path db, Reading<T> reading) {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + db.toAbsolutePath(), props);
                Statement st = c.createStatement()) {
            return reading.apply(st);
        } catch (SQLException e) {
            throw new AssertionError("the database does not open (or cannot be read): " + e.getMessage(), e);
        }
    }

    private static List<String> column(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
