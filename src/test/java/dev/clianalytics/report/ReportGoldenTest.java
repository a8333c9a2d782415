package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.cli.Terminal;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    /**
     * On a terminal the tables take its width: at 80 the same as in a file, at 120 wider, at 60
     * names cut at the end, fingerprints from the front, long labels on two lines.
     */
    @ParameterizedTest(name = "{0} at {1} columns")
    @CsvSource({"summary, 60", "summary, 120", "workflow apply_workflow, 60", "workflow apply_workflow, 120",
        "hot-paths, 60", "hot-paths, 120"})
    void onATerminalTheTableTakesItsWidth(String report, int columns) throws Exception {
        String[] words = ("report " + report).split(" ");
        Result r = CliRun.withDb(db).terminal(new Terminal(true, false, columns)).env("COLUMNS", "200").run(words);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Golden.assertMatches(words[1] + "-" + columns + ".txt", r.out());
        if (columns == 120) {
            assertThat(r.out().lines()).anySatisfy(l -> assertThat(l.length()).isGreaterThan(80));
        }
    }

    @Test
    void onATerminalOfEightyColumnsTheTableIsTheOneInAFile() {
        Result onTerminal = CliRun.withDb(db).terminal(new Terminal(true, true, 80)).run("report", "summary");
        Result inFile = CliRun.withDb(db).run("report", "summary");
        assertThat(onTerminal.out()).isEqualTo(inFile.out());
    }

    @Test
    void withoutATerminalColumnsSetsTheWidth() throws Exception {
        Result r = CliRun.withDb(db).terminal(new Terminal(false, true, 200)).env("COLUMNS", "60").run("report", "summary");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Golden.assertMatches("summary-60.txt", r.out());
    }
}
