package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.sql.SqlResources;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The report fixture: src/test/resources/report/fixture.jsonl (18 events and 2 bad lines, worked
 * through by hand in docs/report.md) taken through the real ingest and infer; and the same data
 * written directly as SQL (fixture.sql), to cross-check infer and the reports.
 */
public final class FixtureDb {
    private FixtureDb() {}

    /** fixture.jsonl copied into dir, ingested and inferred into dir/fixture.duckdb. */
    public static Path create(Path dir) throws IOException {
        return create(dir, "report/fixture.jsonl");
    }

    /** Another fixture (a resource path) copied into dir, ingested and inferred into dir/fixture.duckdb. */
    public static Path create(Path dir, String resource) throws IOException {
        Path db = ingest(dir, resource);
        Result infer = CliRun.withDb(db).run("infer");
        assertThat(infer.exitCode()).as(infer.toString()).isZero();
        return db;
    }

    /** fixture.jsonl ingested into dir/fixture.duckdb, without infer. */
    public static Path ingest(Path dir) throws IOException {
        return ingest(dir, "report/fixture.jsonl");
    }

    private static Path ingest(Path dir, String resource) throws IOException {
        Path jsonl = dir.resolve("fixture.jsonl");
        try (InputStream in = FixtureDb.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, jsonl);
        }
        Path db = dir.resolve("fixture.duckdb");
        Result ingest = CliRun.withDb(db).run("ingest", jsonl.toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        return db;
    }

    /** The same database written directly (no ingest, no infer) from fixture.sql. */
    public static Path handWritten(Path dir) throws SQLException {
        Path file = dir.resolve("hand-written.duckdb");
        try (Database db = Database.open(file, DbSettings.defaults())) {
            for (String statement : SqlResources.statements(SqlResources.load("report/fixture.sql"))) {
                db.execute(statement);
            }
        }
        return file;
    }

    /** Runs more SQL on a database, e.g. to make infer stale. */
    public static void execute(Path file, String sql) throws SQLException {
        try (Database db = Database.open(file, DbSettings.defaults())) {
            db.execute(sql);
        }
    }
}
