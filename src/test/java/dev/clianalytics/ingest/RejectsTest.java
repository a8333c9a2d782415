package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsTest {
    @TempDir
    Path dir;

    private static final String T = "\"timestamp\":\"2026-03-01T10:00:00Z\"";
    private static final String TOOL = "\"tool_name\":\"terraform\"";
    private static final String CMD = "\"command_path\":[\"terraform\",\"plan\"]";
    private static final String IDS = "\"actor_id\":\"alice\",\"machine_id\":\"laptop\"";

    private static String obj(String... fields) {
        return "{" + String.join(",", fields) + "}";
    }

    @Test
    void everyRejectKindIsReportedWithItsLineNumberAndWrittenVerbatim() throws Exception {
        List<String> lines = List.of(
                Lines.event("\"sequence\":1"),                                   // 1 ok
                "",                                                              // 2 blank
                "not json",                                                      // 3
                "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_na",             // 4 truncated
                obj(TOOL, CMD, IDS),                                             // 5
                obj(T, CMD, IDS),                                                // 6
                obj(T, TOOL, IDS),                                               // 7
                obj(T, TOOL, CMD, "\"machine_id\":\"laptop\""),                  // 8
                obj(T, TOOL, CMD, "\"actor_id\":\"alice\""),                     // 9
                "   ",                                                           // 10 blank
                obj("\"timestamp\":1772359200", TOOL, CMD, IDS),                 // 11
                obj(T, "\"tool_name\":7", CMD, IDS),                             // 12
                obj(T, TOOL, "\"command_path\":\"terraform plan\"", IDS),        // 13
                obj(T, TOOL, "\"command_path\":[\"terraform\",2]", IDS),         // 14
                Lines.event("\"flags_present\":\"--force\""),                   // 15
                Lines.event("\"exit_code\":\"1\""),                              // 16
                Lines.event("\"duration_ms\":-5"),                               // 17
                Lines.event("\"ci_detected\":\"yes\""),                          // 18
                Lines.event("\"sequence\":1.5"),                                 // 19
                obj("\"timestamp\":\"yesterday\"", TOOL, CMD, IDS),              // 20
                obj("\"timestamp\":\"2026-02-30T10:00:00Z\"", TOOL, CMD, IDS),   // 21
                obj(T, TOOL, "\"command_path\":[]", IDS),                        // 22
                Lines.event("\"error_type\":\"" + "x".repeat(1024 * 1024) + "\""), // 23
                "[1,2]",                                                         // 24
                Lines.event("\"sequence\":2"),                                   // 25 ok
                Lines.event("\"actor_id\":null"),                                // 26 (duplicate key; first wins)
                obj(T, TOOL, CMD, "\"actor_id\":\"\",\"machine_id\":\"m\""));    // 27
        Path file = Lines.write(dir.resolve("events.jsonl"), lines);
        Path rejects = dir.resolve("rejects.jsonl");

        Result r = CliRun.withDb(dir.resolve("db.duckdb")).run("ingest", file.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> expected = List.of(
                "3 invalid_json", "4 invalid_json", "5 missing_field:timestamp", "6 missing_field:tool_name",
                "7 missing_field:command_path", "8 missing_field:actor_id", "9 missing_field:machine_id",
                "11 wrong_type:timestamp", "12 wrong_type:tool_name", "13 wrong_type:command_path",
                "14 wrong_type:command_path", "15 wrong_type:flags_present", "16 wrong_type:exit_code",
                "17 wrong_type:duration_ms", "18 wrong_type:ci_detected", "19 wrong_type:sequence",
                "20 bad_timestamp", "21 bad_timestamp", "22 empty_command_path", "23 line_too_long",
                "24 invalid_json", "27 missing_field:actor_id");
        List<String> written = Files.readAllLines(rejects);
        assertThat(written).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] lineAndReason = expected.get(i).split(" ");
            int line = Integer.parseInt(lineAndReason[0]);
            String text = lines.get(line - 1).replace("\\", "\\\\").replace("\"", "\\\"");
            assertThat(written.get(i)).isEqualTo("{\"file\":\"" + file + "\",\"line\":" + line + ",\"reason\":\""
                    + lineAndReason[1] + "\",\"text\":\"" + text + "\"}");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects))).isEqualTo("rw-------");
        assertThat(r.err()).contains("rejected 22 lines (all written to " + rejects + "):")
                .containsPattern("invalid_json +3  " + file + ":3, " + file + ":4, " + file + ":24\n")
                .containsPattern("bad_timestamp +2  " + file + ":20, " + file + ":21\n")
                .contains("ingested " + file + ": 3 events stored, 0 duplicates, 22 rejected in ");
        assertThat(Db.one(dir.resolve("db.duckdb"), "SELECT accepted, rejected, duplicates FROM ingest_runs"))
                .isEqualTo("3 | 22 | 0");
    }

    @Test
    void lineNumbersCountBlankLinesInAGzipSecondFile() throws Exception {
        Path first = Lines.write(dir.resolve("a.jsonl"), List.of(Lines.event("\"sequence\":1"), "not json"));
        Path second = Lines.writeGzip(dir.resolve("b.jsonl.gz"), List.of(
                Lines.event("\"sequence\":2"), "", "", "{oops", Lines.event("\"sequence\":3"), "", "{\"tool_name\":1}"));

        Result r = CliRun.withDb(dir.resolve("db.duckdb")).run("ingest", first.toString(), second.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("invalid_json +2  " + first + ":2, " + second + ":4\n")
                .containsPattern("missing_field:timestamp +1  " + second + ":7\n")
                .contains("ingested 2 files: 3 events stored, 0 duplicates, 3 rejected");
        assertThat(Db.rows(dir.resolve("db.duckdb"), "SELECT file_index, file_name, lines, accepted, rejected FROM ingest_files ORDER BY 1"))
                .containsExactly("0 | a.jsonl | 2 | 1 | 1", "1 | b.jsonl.gz | 4 | 2 | 2");
        assertThat(Db.rows(dir.resolve("db.duckdb"), "SELECT sequence FROM events ORDER BY ingest_seq"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void windowsLineEndsKeepLineNumbersInPlainAndGzipFiles() throws Exception {
        String crlf = Lines.event("\"sequence\":1") + "\r\n\r\nnot json\r\n" + Lines.event("\"sequence\":2") + "\r\n{\r\n";
        Path plain = dir.resolve("win.jsonl");
        Files.writeString(plain, crlf);
        Path gz = dir.resolve("win.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(crlf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path rejects = dir.resolve("r.jsonl");

        Result r = CliRun.withDb(dir.resolve("db.duckdb")).run("ingest", plain.toString(), gz.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("invalid_json +4  " + plain + ":3, " + plain + ":5, " + gz + ":3, " + gz + ":5\n")
                .contains("2 events stored, 2 duplicates, 4 rejected");
        assertThat(Files.readAllLines(rejects).get(0)).isEqualTo("{\"file\":\"" + plain + "\",\"line\":3,\"reason\":\"invalid_json\",\"text\":\"not json\"}");
        assertThat(Db.rows(dir.resolve("db.duckdb"), "SELECT file_name, lines FROM ingest_files ORDER BY file_index"))
                .containsExactly("win.jsonl | 4", "win.jsonl.gz | 4");
    }

    @Test
    void rejectedContentNeverReachesTheDatabaseNorTheMessages() throws Exception {
        String secret = "ghp_" + "Zq8".repeat(12);
        Path file = Lines.write(dir.resolve("e.jsonl"), List.of("{\"password\":\"" + secret + "\"", Lines.event("\"exit_code\":\"" + secret + "\"")));
        Result r = CliRun.withDb(dir.resolve("db.duckdb")).run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err() + r.out()).doesNotContain(secret).doesNotContain("Zq8Zq8");
        assertThat(Files.readAllBytes(dir.resolve("db.duckdb"))).asString(java.nio.charset.StandardCharsets.ISO_8859_1)
                .doesNotContain("Zq8Zq8");
    }

    @Test
    void unknownFieldsAreCountedAndReportedNotRejected() throws Exception {
        Path file = Lines.write(dir.resolve("e.jsonl"), List.of(
                Lines.event("\"os\":\"linux\",\"shell\":\"zsh\""), Lines.event("\"os\":\"mac\",\"sequence\":2")));
        Result r = CliRun.withDb(dir.resolve("db.duckdb")).run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("ignored 3 unknown field values (os 2, shell 1)")
                .contains("2 events stored, 0 duplicates, 0 rejected");
        assertThat(Db.one(dir.resolve("db.duckdb"), "SELECT unknown_fields FROM ingest_runs")).isEqualTo("3");
    }
}
