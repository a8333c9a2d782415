package dev.clianalytics.infer;

import dev.clianalytics.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A staged mart is written into a new table before infer's transaction (committed data can spill,
 * and the intermediates it read are then dropped for good, where a DROP inside the transaction
 * would keep them in memory until the commit) and swapped in by the transaction.
 */
final class StagedMarts {
    /** Suffix of a staged mart's new table. */
    static final String SUFFIX = "_new";

    private StagedMarts() {}

    static String newTable(String mart) {
        return mart + SUFFIX;
    }

    /**
     * Creates the new table with the mart's own definition (types, NOT NULL) as the database holds it,
     * so the migrations stay the one place that defines the table.
     */
    static void create(Database db, String mart) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT sql FROM duckdb_tables()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?")) {
            ps.setString(1, mart);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("table " + mart + " is missing");
                }
                String ddl = rs.getString(1);
                String head = "CREATE TABLE " + mart + "(";
                if (!ddl.startsWith(head)) {
                    throw new SQLException("unexpected definition of table " + mart);
                }
                db.execute("CREATE TABLE " + newTable(mart) + "(" + ddl.substring(head.length()));
            }
        }
    }

    /** Inside the transaction: the new tables replace the marts. */
    static void swapIn(Database db) throws SQLException {
        for (InferPlan.Step staged : InferPlan.staged()) {
            db.execute("DROP TABLE " + staged.model());
            db.execute("ALTER TABLE " + newTable(staged.model()) + " RENAME TO " + staged.model());
        }
    }

    static boolean isStaged(String mart) {
        return InferPlan.staged().stream().anyMatch(s -> s.model().equals(mart));
    }

    /** Drops the new tables (after a failure, or left by a killed run); after a commit there is none. */
    static void drop(Database db) {
        for (InferPlan.Step staged : InferPlan.staged()) {
            try {
                db.execute("DROP TABLE IF EXISTS main." + newTable(staged.model()));
            } catch (SQLException e) {
                // the next infer drops it
            }
        }
    }
}
