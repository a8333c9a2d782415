package dev.clianalytics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Row count and an order-independent hash of every table of a database (the sum of the rows'
 * hashes), one line per table, for checking that two builds wrote the same contents (bench/hashes).
 * infer_runs and ingest_runs are left out: they record when a run happened.
 * Usage: TableHashes DB.duckdb
 */
public final class TableHashes {
    private static final List<String> SKIPPED = List.of("infer_runs", "ingest_runs", "schema_version");

    private TableHashes() {}

    public static void main(String[] args) throws Exception {
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]))) {
            throw new IllegalArgumentException("no database file " + args[0]);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], readOnly);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables()"
                    + " WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (SKIPPED.contains(table)) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(hash(t))::HUGEINT % 18446744073709551616, 0)"
                        + " FROM \"" + table + "\" AS t")) {
                    rs.next();
                    System.out.printf("%-28s %12d %20s%n", table, rs.getLong(1), rs.getString(2));
                }
            }
        }
    }
}
