package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    @TempDir
    Path dir;

    private static final String EVENT = "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"npm\","
            + "\"command_path\":[\"npm\",\"test\"],\"actor_id\":\"a\",\"machine_id\":\"m\",\"exit_code\":0}";

    @Test
    void aMissingInputFileIsNamedAndNothingIsWritten() throws Exception {
        Path good = Files.writeString(dir.resolve("good.jsonl"), EVENT + "\n");
        Path db = dir.resolve("x.duckdb");
        Result r = CliRun.withDb(db).run("ingest", good.toString(), dir.resolve("nope.jsonl").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: input file " + dir.resolve("nope.jsonl") + " does not exist");
        assertThat(db).doesNotExist();
    }

    @Test
    void aDirectoryIsNotAnInputFile() {
        Result r = CliRun.withDb(dir.resolve("x.duckdb")).run("ingest", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: input " + dir + " is not a regular file");
    }

    @Test
    void standardInputIsReadWithDash() {
        Path db = dir.resolve("x.duckdb");
        Result r = CliRun.withDb(db).stdin(EVENT + "\n\nnot json\n").run("ingest", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("invalid_json", "<stdin>:3")
                .contains("ingested <stdin>: 1 event stored, 0 duplicates, 1 rejected in ");
        assertThat(Db.one(db, "SELECT file_name, lines FROM ingest_files")).isEqualTo("stdin | 2");
    }

    @Test
    void gzipAndCrlfOnStandardInputAreReadThroughTheEncryptedSpool() throws Exception {
        Path db = dir.resolve("gz.duckdb");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write((EVENT + "\r\n\r\nnot json\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Result r = CliRun.withDb(db).stdin(bytes.toByteArray()).run("ingest", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("<stdin>:3").contains("ingested <stdin>: 1 event stored, 0 duplicates, 1 rejected in ");
        assertThat(Db.one(db, "SELECT file_name, lines FROM ingest_files")).isEqualTo("stdin | 2");
    }

    @Test
    void quietPrintsNothingOnSuccess() throws Exception {
        Path good = Files.writeString(dir.resolve("good.jsonl"), EVENT + "\n");
        Result r = CliRun.withDb(dir.resolve("x.duckdb")).run("-q", "ingest", good.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedWithItsNumberAndTheOtherLinesAreKept() throws Exception {
        Path bad = dir.resolve("latin1.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write((EVENT + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write("{\"x\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.write(EVENT.replace("\"exit_code\":0", "\"exit_code\":1").concat("\n").getBytes(StandardCharsets.UTF_8));
        Files.write(bad, bytes.toByteArray());

        Result r = CliRun.withDb(dir.resolve("x.duckdb")).run("ingest", bad.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("invalid_utf8         1  " + bad + ":2")
                .contains("2 events stored, 0 duplicates, 1 rejected");
        assertThat(Files.readString(rejects)).isEqualTo("{\"file\":\"" + bad + "\",\"line\":2,\"reason\":\"invalid_utf8\","
                + "\"text\":\"{\\\"x\\\":\\\"caf\uFFFD\\\"}\"}\n");
    }

    @Test
    void aRefusedFirstIngestRemovesTheSaltFileItCreatedButARefusedLaterOneKeepsEverything() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "not json\n");
        Path good = Files.writeString(dir.resolve("good.jsonl"), EVENT + "\n");
        Path db = dir.resolve("s.duckdb");
        Path salt = dir.resolve("s.duckdb.salt");

        Result refused = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", "").run("ingest", "--max-rejects", "0", bad.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(db).doesNotExist();
        assertThat(salt).doesNotExist();
        assertThat(CliRun.withDb(db).env("CLI_ANALYTICS_SALT", "").run("ingest", good.toString()).exitCode()).isZero();
        String saltBefore = Files.readString(salt);
        Result later = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", "").run("ingest", "--max-rejects", "0", bad.toString());
        assertThat(later.exitCode()).as(later.toString()).isEqualTo(3);
        assertThat(Files.readString(salt)).isEqualTo(saltBefore);
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("1");
    }

    @Test
    void aForeignDatabaseFileGivesExitFourAndIsLeftUntouched() throws Exception {
        Path file = dir.resolve("photo.duckdb");
        Files.writeString(file, "JFIF not a database");
        Path good = Files.writeString(dir.resolve("good.jsonl"), EVENT + "\n");
        Result r = CliRun.withDb(file).run("ingest", good.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("is not a cli-analytics database");
        assertThat(Files.readString(file)).isEqualTo("JFIF not a database");
        assertThat(dir.resolve("photo.duckdb.salt")).doesNotExist();
    }

    @Test
    void aNegativeMaxRejectsIsRefused() throws Exception {
        Path good = Files.writeString(dir.resolve("good.jsonl"), EVENT + "\n");
        Result r = CliRun.withDb(dir.resolve("x.duckdb")).run("ingest", good.toString(), "--max-rejects", "-1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: --max-rejects must be 0 or more, not -1");
    }

    @Test
    void helpShowsExamples() {
        Result r = CliRun.withDb(null).run("ingest", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--format", "--rejects", "--max-rejects", "Examples:", "cli-analytics ingest events.jsonl");
    }
}
