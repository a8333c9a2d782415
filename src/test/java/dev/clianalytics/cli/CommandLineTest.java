package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void versionPrintsTheProductAndItsVersion() {
        Result r = CliRun.withDb(null).run("--version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("cli-analytics ");
    }

    @Test
    void helpListsEveryCommandWithExamples() {
        Result r = CliRun.withDb(null).run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("generate", "ingest", "infer", "report", "export", "demo", "Examples:");
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnOneLineWithASuggestion() {
        Result r = CliRun.withDb(null).run("ingset");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: Unmatched argument at index 0: 'ingset'")
                .contains("Did you mean", "ingest")
                .contains("Try 'cli-analytics --help'")
                .doesNotContain("Usage:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result r = CliRun.withDb(null).run("--colour");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--colour'");
    }

    @Test
    void aForeignDatabaseFileGivesExitFourAndOneLine() throws Exception {
        Path file = dir.resolve("photo.duckdb");
        Files.writeString(file, "JFIF not a database");
        Result r = CliRun.withDb(file).run("infer");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("is not a cli-analytics database");
        assertThat(Files.readString(file)).isEqualTo("JFIF not a database");
    }

    @Test
    void verboseShowsTheStackTraceOfAUserError() throws Exception {
        Path file = dir.resolve("photo.duckdb");
        Files.writeString(file, "JFIF not a database");
        Result r = CliRun.withDb(file).run("--verbose", "infer");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(r.err()).contains("\tat dev.clianalytics.");
    }

    @Test
    void onlyTheNamedCommandIsBuiltAndDbValuesAreNotMistakenForCommands() {
        assertThat(CommandLineFactory.commandNamed("--db", "report", "infer", "--as-of", "x")).isEqualTo("infer");
        assertThat(CommandLineFactory.commandNamed("-q", "report", "summary")).isEqualTo("report");
        assertThat(CommandLineFactory.commandNamed("--db=x.duckdb", "demo")).isEqualTo("demo");
        assertThat(CommandLineFactory.commandNamed("--help")).isNull();
        assertThat(CommandLineFactory.commandNamed("ingset")).isNull();
    }

    @Test
    void aCommandRunsTheSameWhenAfterADbNamedLikeACommand() throws Exception {
        Path db = dir.resolve("report");
        Result r = CliRun.withDb(db).run("infer");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("infer:");
    }
}
