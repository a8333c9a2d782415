package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of src/test/resources/hostile/ gives exactly the outcome written in its expected.txt. */
public class HostileInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    record Expected(String file, int exitCode, int stored, String rejects, String message) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> corpus() throws IOException {
        return expectations().stream();
    }

    static List<Expected> expectations() throws IOException {
        List<Expected> all = new ArrayList<>();
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/expected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" \\| ", -1);
                all.add(new Expected(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4]));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileHasItsExactOutcomeAndInferStillWorks(Expected e) throws Exception {
        Path input = dir.resolve(e.file());
        try (InputStream in = getClass().getResourceAsStream("/hostile/" + e.file())) {
            Files.write(input, in.readAllBytes());
        }
        check(input, e);
    }

    @Test
    void aTenMegabyteLineIsRejectedAsTooLongAndTheLinesAroundItAreStored() throws Exception {
        Path input = withLongLine(10 * 1024 * 1024);
        check(input, new Expected("ten-mb-line.jsonl", 0, 2, "2:line_too_long", "-"));
    }

    @Test
    void aLineOverSixteenMegabytesRefusesTheFileWithItsLineNumber() throws Exception {
        Path input = withLongLine(17 * 1024 * 1024);
        check(input, new Expected("ten-mb-line.jsonl", 1, 0, "-", "error: input file FILE has a line longer than 16 MiB (line 2),"
                + " which cannot be read; remove it and ingest again; nothing was written"));
    }

    @Test
    void controlAndUnicodeCharactersInCommandPathsAreRedactedNeverStored() throws Exception {
        Path input = dir.resolve("cmd.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/hostile/command-path-unicode-control.jsonl")) {
            Files.write(input, in.readAllBytes());
        }
        Path db = dir.resolve("cmd.duckdb");
        assertThat(CliRun.withDb(db).run("ingest", input.toString()).exitCode()).isZero();

        assertThat(Db.rows(db, "SELECT command_path FROM events ORDER BY sequence")).containsExactly(
                "[terraform, '[redacted]']", "[terraform, '[redacted]']", "[terraform, '[redacted]']", "[terraform, '[redacted]']",
                "[terraform, '[redacted]']", "[terraform, '[redacted]']", "['[redacted]', boom]", "[terraform, apply]",
                "[terraform, '[redacted]']", "['[redacted]']", "[terraform, '[redacted]']",
                "[t, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]", "[terraform, '[redacted]']");
    }

    private Path withLongLine(int bytes) throws IOException {
        Path input = dir.resolve("ten-mb-line.jsonl");
        String event = "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"terraform\",\"command_path\":[\"terraform\",\"plan\"],"
                + "\"actor_id\":\"alice\",\"machine_id\":\"laptop\",\"sequence\":";
        try (BufferedWriter w = Files.newBufferedWriter(input)) {
            w.write(event + "1}\n");
            w.write(event + "2,\"error_type\":\"");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'a');
            for (int n = 0; n < bytes; n += chunk.length) {
                w.write(chunk);
            }
            w.write("\"}\n");
            w.write(event + "3}\n");
        }
        return input;
    }

    private void check(Path input, Expected e) throws Exception {
        String hash = sha256(input);
        Path db = dir.resolve("h.duckdb");
        Path rejects = dir.resolve("h.rejects");

        Result r = CliRun.withDb(db).run("ingest", input.toString(), "--rejects", rejects.toString());

        Hostile.assertClean(r, r.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(e.exitCode());
        if (!e.message().equals("-")) {
            assertThat(r.err().strip()).isEqualTo(e.message().replace("FILE", input.toString()));
            if (Files.exists(db)) {
                assertThat(Db.one(db, "SELECT count(*) FROM ingest_runs")).as("a refused file records no run").isEqualTo("0");
            }
        } else {
            assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo(String.valueOf(e.stored()));
            List<String> reported = new ArrayList<>();
            if (Files.exists(rejects)) {
                for (String json : Files.readAllLines(rejects, StandardCharsets.UTF_8)) {
                    var n = MAPPER.readTree(json);
                    reported.add(n.get("line").asInt() + ":" + n.get("reason").asText());
                }
            }
            assertThat(String.join(" ", reported)).isEqualTo(e.rejects().equals("-") ? "" : e.rejects());
            Result infer = CliRun.withDb(db).run("infer");
            Hostile.assertClean(infer, infer.toString());
            assertThat(infer.exitCode()).as(infer.toString()).isZero();
        }
        assertThat(sha256(input)).as("the input file is never modified").isEqualTo(hash);
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
