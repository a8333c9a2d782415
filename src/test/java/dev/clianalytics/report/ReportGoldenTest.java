package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Every report in every format gives exactly the reviewed output for the fixture database. */
class ReportGoldenTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "summary, table, txt", "summary, json, json", "summary, csv, csv", "summary, markdown, md",
        "workflow apply_workflow, table, txt", "workflow apply_workflow, json, json",
        "workflow apply_workflow, csv, csv", "workflow apply_workflow, markdown, md",
        "hot-paths, table, txt", "hot-paths, json, json", "hot-paths, csv, csv", "hot-paths, markdown, md"})
    void reportGivesExactlyTheExpectedOutput(String report, String format, String extension) throws Exception {
        String[] words = report.split(" ");
        String[] args = new String[words.length + 3];
        args[0] = "report";
        System.arraycopy(words, 0, args, 1, words.length);
        args[words.length + 1] = "--format";
        args[words.length + 2] = format;
        Result r = CliRun.withDb(db).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        Golden.assertMatches(words[0] + "." + extension, r.out());
    }
}
