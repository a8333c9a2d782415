package dev.clianalytics.report;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.sql.SqlResources;
import java.nio.file.Path;
import java.sql.SQLException;

/** Builds the hand-checked report fixture (src/test/resources/report/fixture.sql) in a fresh database. */
public final class FixtureDb {
    private FixtureDb() {}

    public static Path create(Path dir) throws SQLException {
        Path file = dir.resolve("fixture.duckdb");
        try (Database db = Database.open(file, DbSettings.defaults())) {
            for (String statement : SqlResources.statements(SqlResources.load("report/fixture.sql"))) {
                db.execute(statement);
            }
        }
        return file;
    }

    /** Runs more SQL on the fixture, e.g. to make infer stale. */
    public static void execute(Path file, String sql) throws SQLException {
        try (Database db = Database.open(file, DbSettings.defaults())) {
            db.execute(sql);
        }
    }
}
