package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events full of secrets go in; none of them may be found in the database's bytes or the output. */
public class PlantedSecretsTest {
    @TempDir
    Path dir;

    public static final List<String> SECRETS = List.of(
            "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ123456",
            "sk-live-9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "AKIAZ7Q4R2T6Y8U0I3O5",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjYXJvbCJ9.c2lnbmF0dXJlX2J5dGVz",
            "xoxp-2048-4096-8192-abcdef",
            "carol.jones@corp.example",
            "/home/carol/.kube/config",
            "/Users/dave/secrets/prod.env",
            "C:\\Users\\erin\\AppData\\token.txt",
            "https://deploy:Hunter2Pass@git.corp.example/repo.git",
            "https://api.corp.example/v2/items?api_key=QWERTY123456",
            "https://git.corp.example/acme/zebra-secret-repo",
            "git@git.corp.example:acme/zebra-secret-repo.git",
            "git.corp.example/acme/zebra-secret-module",
            "192.168.77.201",
            "3f786850e387550fdab836ed7e6dc881de23001b",
            "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1");

    /** Planted in the id fields, flag values and unknown fields only (as a command word they would be words). */
    public static final List<String> RAW = List.of(
            "actor-raw-id-frank", "machine-raw-id-serial-0042", "hint-raw-ci-run-777", "SuperSecretFlagValue");

    @Test
    void noPlantedSecretReachesTheDatabaseFileOrTheOutput() throws Exception {
        List<String> lines = new ArrayList<>();
        int seq = 0;
        for (String secret : SECRETS) {
            String escaped = secret.replace("\\", "\\\\");
            lines.add("{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"deploy\",\"command_path\":[\"deploy\",\"run\",\""
                    + escaped + "\"],\"flags_present\":[\"--token=" + escaped + "\",\"--password\",\"--target=SuperSecretFlagValue\",\"--x:" + escaped
                    + "\"],\"exit_code\":1,\"error_type\":\"failed with " + escaped + " at " + escaped + "\","
                    + "\"actor_id\":\"actor-raw-id-frank\",\"machine_id\":\"machine-raw-id-serial-0042\","
                    + "\"session_hint\":\"hint-raw-ci-run-777\",\"sequence\":" + (++seq) + ",\"note\":\"" + escaped + "\","
                    + "\"error_source\":\"" + escaped + "\",\"http_status\":\"" + escaped + "\"}");
        }
        lines.add("{\"broken\":\"SuperSecretFlagValue ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ123456\"");
        Path file = Lines.write(dir.resolve("secrets.jsonl"), lines);
        Path db = dir.resolve("planted.duckdb");

        Result first = CliRun.withDb(db).run("ingest", file.toString());
        Result again = CliRun.withDb(db).run("-v", "ingest", file.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo(String.valueOf(SECRETS.size()));
        assertThat(Db.one(db, "SELECT count(error_source) + count(http_status) FROM events")).isEqualTo("0");
        List<Path> files = new ArrayList<>(List.of(db));
        Path wal = dir.resolve("planted.duckdb.wal");
        if (Files.exists(wal)) {
            files.add(wal);
        }
        List<String> planted = new ArrayList<>(SECRETS);
        planted.addAll(RAW);
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : planted) {
                assertThat(bytes).as(f.getFileName() + " must not hold " + secret).doesNotContain(secret);
            }
        }
        for (String secret : planted) {
            assertThat(first.out() + first.err() + again.out() + again.err()).doesNotContain(secret);
        }
    }
}
