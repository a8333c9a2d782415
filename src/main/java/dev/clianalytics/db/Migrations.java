package dev.clianalytics.db;

import dev.clianalytics.CliAnalyticsException.DatabaseUnavailable;
import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the numbered scripts of db/migration (listed in order in migrations.txt) that a
 * database lacks, each in its own transaction, recorded in schema_version. Released scripts are
 * never edited: a schema change is a new file.
 */
final class Migrations {
    private static final String INDEX = "db/migration/migrations.txt";

    private Migrations() {}

    /** The scripts this build knows, in order: V001__events.sql is version 1. */
    static List<String> scripts() {
        return SqlResources.lines(INDEX);
    }

    static int latestVersion() {
        List<String> scripts = scripts();
        return versionOf(scripts.get(scripts.size() - 1));
    }

    static void apply(Database db, boolean readOnly) throws SQLException {
        Connection c = db.connection();
        int current = currentVersion(c);
        int latest = latestVersion();
        if (current > latest) {
            throw new DatabaseUnavailable("database " + db.path() + " was written by a newer cli-analytics (schema "
                    + current + ", this version knows up to " + latest + "); it was left untouched: upgrade cli-analytics");
        }
        if (current == latest) {
            if (readOnly) {
                refuseUnfinishedUpgrade(db);
            }
            return;
        }
        if (readOnly) {
            throw new DatabaseUnavailable("database " + db.path() + " has schema " + current + " and needs an upgrade to "
                    + latest + ": run any writing command (ingest, infer) on it first");
        }
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                + "script VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        for (String script : scripts()) {
            int version = versionOf(script);
            if (version > current) {
                applyOne(db, script, version);
            }
        }
    }

    /**
     * Schema 14's take-back of stored words needs the salt, so a writing command does it after the
     * scripts (WordTakeBack); until then a reader could show words the rule holds back.
     */
    private static void refuseUnfinishedUpgrade(Database db) throws SQLException {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM word_upgrade WHERE state <> 'done'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new DatabaseUnavailable("database " + db.path() + " was written by an earlier build, and the command"
                        + " words of its events are still to be put under the rare-word rule (schema 14): run any writing"
                        + " command (ingest, infer) on it first");
            }
        }
    }

    private static void applyOne(Database db, String script, int version) throws SQLException {
        Connection c = db.connection();
        c.setAutoCommit(false);
        try {
            for (String statement : SqlResources.statements(SqlResources.load("db/migration/" + script))) {
                db.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * The schema version: one query on a database of ours (start-up time counts); the catalog is
     * asked only when that fails, to tell a new database (no schema_version yet: 0) from an error.
     */
    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return 0;
                }
            }
            throw e;
        }
    }

    static int versionOf(String script) {
        if (!script.matches("V\\d{3}__[a-z0-9_]+\\.sql")) {
            throw new IllegalStateException("migration script name must look like V001__name.sql: " + script);
        }
        return Integer.parseInt(script.substring(1, 4));
    }
}
