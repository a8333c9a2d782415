package dev.clianalytics.db;

import dev.clianalytics.sql.SqlResources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database file as an earlier build left it: the first migration scripts only, for upgrade tests. */
final class OldSchema {
    private OldSchema() {}

    /** Opens {@code file} with the first {@code version} scripts applied (and recorded); the caller closes it. */
    static Connection open(Path file, int version) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script VARCHAR NOT NULL,"
                    + " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            for (String script : Migrations.scripts().subList(0, version)) {
                for (String statement : SqlResources.statements(SqlResources.load("db/migration/" + script))) {
                    st.execute(statement);
                }
                st.execute("INSERT INTO schema_version (version, script) VALUES (" + Migrations.versionOf(script)
                        + ", '" + script + "')");
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
