package dev.clianalytics.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.CliAnalyticsException.DatabaseUnavailable;
import dev.clianalytics.sql.SharedAggregates;
import dev.clianalytics.sql.SqlResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directory of Parquet files, one folder per table ({@code DIR/<table>/*.parquet}: what the Spark
 * job and {@code export --snapshot} write), read as the tables of an in-memory database with this
 * version's schema (report --from DIR; docs/report.md). Each folder becomes a view with the schema's
 * columns in the schema's order and types; a table without a folder stays empty. The aggregates
 * infer stores beside its marts are computed with infer's own SQL when the directory lacks them.
 */
public final class ParquetTables {
    /** The manifest export --snapshot writes beside the folders. */
    public static final String MANIFEST = "_cli_analytics.json";
    /** Tables of the schema that are not data a report reads: the database's bookkeeping and ingest's state. */
    public static final Set<String> NOT_READ = Set.of("schema_version", "word_upgrade", "held_words", "clear_words");
    /** The aggregates infer stores after its marts, by table: computed here when absent (SharedAggregates). */
    private static final Map<String, String> AGGREGATES = Map.of(
            "hot_paths_fingerprint", SharedAggregates.BY_FINGERPRINT, "hot_paths_ngram", SharedAggregates.BY_NGRAM,
            "summary_totals", SharedAggregates.SUMMARY_TOTALS, "workflow_stats", SharedAggregates.WORKFLOW_STATS,
            "version_counts", SharedAggregates.VERSION_COUNTS);

    private ParquetTables() {}

    /** The schema version this build writes and reads (a snapshot's manifest records it). */
    public static int schemaVersion() {
        return Migrations.latestVersion();
    }

    /** Whether {@code from} names a remote location (s3://, https://, gs://, …) rather than a local directory. */
    public static boolean remote(String from) {
        return from.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /** The tables of this version's schema that a directory may hold, in schema order. */
    public static List<String> tables(Database db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
                        + " AND schema_name = 'main' AND NOT temporary ORDER BY table_oid")) {
            while (rs.next()) {
                if (!NOT_READ.contains(rs.getString(1))) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Opens the directory's tables; errors name the directory, the folder and the column at fault. */
    public static Database open(String from, DbSettings settings) {
        String base = base(from);
        Database db = Database.inMemory(Path.of(from), settings);
        try {
            checkManifest(from, base);
            List<String> found = new ArrayList<>();
            for (String table : tables(db)) {
                if (attach(db, from, base, table)) {
                    found.add(table);
                }
            }
            if (!found.contains("events")) {
                throw new DatabaseUnavailable(from + " holds no events/ folder of Parquet files: give the output"
                        + " directory of the Spark job (bin/cli-analytics-spark --output) or of export --snapshot");
            }
            for (Map.Entry<String, String> a : AGGREGATES.entrySet()) {
                if (!found.contains(a.getKey())) {
                    try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO " + a.getKey()
                            + " SELECT * FROM (\n" + SqlResources.load(a.getValue()) + "\n)")) {
                        SharedAggregates.bind(ps, SharedAggregates.Filter.NONE, a.getValue());
                        ps.executeUpdate();
                    }
                }
            }
            return db;
        } catch (SQLException e) {
            db.close();
            throw new DatabaseUnavailable("cannot read the tables in " + from + ": " + Database.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The location the folders are under, as DuckDB reads it: an absolute path, or the URL without its last '/'. */
    private static String base(String from) {
        if (remote(from)) {
            return from.replaceAll("/+$", "");
        }
        Path dir = Path.of(from);
        if (!Files.exists(dir)) {
            throw new DatabaseUnavailable("no directory " + from + " (--from): give the output directory of the Spark job"
                    + " or of export --snapshot");
        }
        if (!Files.isDirectory(dir)) {
            throw new DatabaseUnavailable(from + " is a file, not a directory (--from takes a directory with one folder of"
                    + " Parquet files per table; a database file goes to --db)");
        }
        return dir.toAbsolutePath().toString();
    }

    /** A snapshot of a newer schema is refused, as a database of one is (local directories only). */
    private static void checkManifest(String from, String base) {
        if (remote(from) || !Files.exists(Path.of(base, MANIFEST))) {
            return;
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(Files.readString(Path.of(base, MANIFEST)));
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot read " + Path.of(from, MANIFEST) + ": " + Database.firstLine(e.getMessage()), e);
        }
        int version = manifest.path("schema_version").asInt(0);
        if (version > Migrations.latestVersion()) {
            throw new DatabaseUnavailable(from + " was written by a newer cli-analytics (schema " + version
                    + ", this version knows up to " + Migrations.latestVersion() + "): upgrade cli-analytics");
        }
    }

    /** Replaces the empty table by a view over its folder; false when there is no folder (the table stays empty). */
    private static boolean attach(Database db, String from, String base, String table) throws SQLException {
        String glob = quote(base + "/" + table + "/*.parquet");
        Map<String, String> present = new LinkedHashMap<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + glob + ")")) {
            while (rs.next()) {
                present.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("No files found")) {
                return false;
            }
            throw new CliAnalyticsException("cannot read " + from + "/" + table + "/: " + Database.firstLine(e.getMessage()), e);
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT column_name, data_type FROM duckdb_columns()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (!present.containsKey(name)) {
                        throw new CliAnalyticsException(from + "/" + table + "/ has no column " + name + " (it has "
                                + String.join(", ", present.keySet()) + "): it was not written for this version's "
                                + table + " table");
                    }
                    String id = "\"" + name.replace("\"", "\"\"") + "\"";
                    columns.add(present.get(name).equals(rs.getString(2)) ? id
                            : "CAST(" + id + " AS " + rs.getString(2) + ") AS " + id);
                }
            }
        }
        db.execute("DROP TABLE " + table);
        db.execute("CREATE VIEW " + table + " AS SELECT " + String.join(", ", columns) + " FROM read_parquet(" + glob + ")");
        return true;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
