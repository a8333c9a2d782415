package dev.clianalytics.report;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * status in every format gives exactly the reviewed output for the fixture database. The times of
 * the runs are set to fixed instants, and the files (whose sizes are DuckDB's business) and the
 * freshness are given: StatusCommandTest checks those against real files and databases.
 */
class StatusGoldenTest {
    static final Status.Files FILES = new Status.Files("fixture.duckdb", 1_585_152L, null, true, "file");

    @TempDir
    static Path dir;

    static Status status;

    @BeforeAll
    static void buildFixture() throws Exception {
        Path db = FixtureDb.create(dir);
        FixtureDb.execute(db, "UPDATE ingest_runs SET started_at = '2026-01-11 08:00:00Z', finished_at = '2026-01-11 08:00:01Z';"
                + " UPDATE infer_runs SET started_at = '2026-01-11 08:05:00Z', finished_at = '2026-01-11 08:05:02Z'");
        try (Database database = Database.openReadOnly(db, DbSettings.defaults())) {
            status = StatusReport.read(database.connection(), FILES, new Status.Freshness(true, 1L, null, null));
        }
    }

    @ParameterizedTest(name = "status as {0}")
    @CsvSource({"table, txt", "json, json", "csv, csv", "markdown, md"})
    void statusGivesExactlyTheExpectedOutput(String format, String extension) throws Exception {
        StringWriter out = new StringWriter();
        ReportFormat.valueOf(format.toUpperCase(Locale.ROOT)).renderer(80).render(Layouts.status(status), out);
        Golden.assertMatches("status." + extension, out.toString());
    }
}
