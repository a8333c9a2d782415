package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    private Result run(String... args) {
        return CliRun.withDb(dir.resolve("unused.duckdb")).run(args);
    }

    @Test
    void dashWritesTheEventsToStandardOutputAndNothingElse() {
        Result r = run("generate", "--events", "25", "-o", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().split("\n")).hasSize(25).allSatisfy(l -> assertThat(l).startsWith("{\"timestamp\":"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutOutputTheEventsGoToStandardOutputToo() {
        Result dash = run("generate", "--events", "25", "-o", "-");
        Result none = run("generate", "--events", "25");
        assertThat(none.out()).isEqualTo(dash.out());
    }

    @Test
    void aFileGetsTheSameBytesAndStderrSaysWhatWasWritten() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Result r = run("generate", "--events", "300", "--seed", "3", "-o", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("generated 300 events (0 malformed) as native: 300 lines to " + file);
        assertThat(Files.readString(file)).isEqualTo(run("generate", "--events", "300", "--seed", "3").out());
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("events.jsonl");
        }
    }

    @Test
    void aFileEndingInGzIsCompressed() throws Exception {
        Path file = dir.resolve("events.jsonl.gz");
        Result r = run("-q", "generate", "--events", "200", "--format", "segment", "-o", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(run("generate", "--events", "200", "--format", "segment").out());
        }
    }

    @Test
    void gzipOutputIsByteIdenticalAcrossRunsToo() throws Exception {
        Path a = dir.resolve("a.jsonl.gz");
        Path b = dir.resolve("b.jsonl.gz");
        assertThat(run("-q", "generate", "--events", "500", "-o", a.toString()).exitCode()).isZero();
        assertThat(run("-q", "generate", "--events", "500", "-o", b.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void negativeEventsIsAUsageErrorOnOneLine() {
        Result r = run("generate", "--events", "-5");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("error: --events must be 0 or more, got -5");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRateOutsideZeroToOneIsAUsageError() {
        for (String rate : new String[] {"1.5", "-0.1", "NaN"}) {
            Result r = run("generate", "--bad-lines", rate);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("error: --bad-lines must be between 0 and 1, got ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Result r = run("generate", "--format", "csv");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("error: --format must be native, posthog or segment, got 'csv'");
    }

    @Test
    void aMissingDirectoryIsARuntimeErrorThatNamesTheFile() {
        Path file = dir.resolve("no/such/dir/events.jsonl");
        Result r = run("generate", "--events", "5", "-o", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: cannot write " + file + ": no such directory");
    }

    @Test
    void aDirectoryIsNotAFileToWrite() throws Exception {
        Result r = run("generate", "--events", "5", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: cannot write " + dir + ": it is a directory");
        Result empty = run("generate", "-o", "");
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).startsWith("error: -o must name a file, or - for standard output");
    }

    @Test
    void helpShowsTheOptionsAndAnExample() {
        Result r = run("generate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--events", "--seed", "--bad-lines", "--format", "-o, --output", "Examples:");
    }
}
