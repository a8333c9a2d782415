package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoGeneratesIngestsInfersAndPrintsTheSummaryThenTheNextCommands() {
        Path home = dir.resolve("demo");
        Result r = CliRun.withDb(null).run("demo", "--events", "300", "--dir", home.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Summary\n").contains("Top workflows").contains("Failure hot paths")
                .containsPattern("\n  events +[1-9][0-9,]*\n");
        Path db = home.resolve("cli-analytics.duckdb");
        assertThat(db).exists();
        assertThat(home.resolve("events.jsonl")).exists();
        assertThat(r.err()).contains("generate: 300 sample command runs").contains("ingest:").contains("infer:")
                .contains("Try next:").contains("report funnel auth").contains("cli-analytics --db " + db + " report workflow ")
                .contains("export --to " + home.resolve("export"));

        Result report = CliRun.withDb(db).run("report", "hot-paths", "--format", "json");
        assertThat(report.exitCode()).as(report.toString()).isZero();
    }

    @Test
    void theDefaultDemoShowsARegressedReleaseAndAFixPath() {
        Path home = dir.resolve("insights");
        Result r = CliRun.withDb(null).run("-q", "demo", "--dir", home.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("Releases that regressed \\(report versions has them all\\)\n.*\n.*\n"
                + "  terraform +1\\.7\\.0 .* 1\\.6\\.6\n\n");
        Result errors = CliRun.withDb(home.resolve("cli-analytics.duckdb"))
                .run("report", "errors", "--workflow", "apply_workflow", "--format", "csv");
        assertThat(errors.exitCode()).as(errors.toString()).isZero();
        // 1.7.0's own error occurs in 1.7.0 only, and most of its recovered runs went init -upgrade, apply
        String type = "\"Error: Provider produced an invalid new value for aws_instance.web: .tags_all: was null,"
                + " but now cty.MapValEmpty\"";
        assertThat(errors.out()).containsPattern("\nerrors," + Pattern.quote(type) + ",[0-9.,]+,1\\.7\\.0\r\n")
                .containsPattern("\nfix_paths," + Pattern.quote(type) + ",1,[0-9]+,terraform/init\\[-upgrade\\] -> terraform/apply\r\n");
    }

    @Test
    void aDirectoryThatHoldsAnythingIsRefusedAndLeftAlone() throws IOException {
        Path home = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(home.resolve("cli-analytics.duckdb"), "mine");
        Result r = CliRun.withDb(null).run("demo", "--events", "10", "--dir", home.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).contains("--dir " + home + " is not empty");
        assertThat(Files.readString(home.resolve("cli-analytics.duckdb"))).isEqualTo("mine");
        assertThat(home.toFile().list()).containsExactly("cli-analytics.duckdb");
    }

    @Test
    void withoutDirTheDemoUsesANewTemporaryDirectoryAndSaysWhere() throws IOException {
        Result quiet = CliRun.withDb(null).run("-q", "demo", "--events", "50", "--dir", dir.resolve("q").toString());
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).startsWith("Summary\n");
        Result loud = CliRun.withDb(null).run("demo", "--events", "50");
        Matcher m = Pattern.compile("The demo database is (\\S+) ").matcher(loud.err());
        assertThat(m.find()).as(loud.toString()).isTrue();
        Path home = Path.of(m.group(1)).getParent();
        assertThat(home.getFileName().toString()).startsWith("cli-analytics-demo-");
        deleteTree(home);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
