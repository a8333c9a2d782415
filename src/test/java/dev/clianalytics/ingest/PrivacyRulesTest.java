package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4.1 rule by rule: each line of privacy.jsonl is one case, identified by its sequence. */
class PrivacyRulesTest {
    @TempDir
    Path dir;

    /** sequence -> tool_name | tool_version | command_path | flags_present | error_type, as DuckDB renders them. */
    private static final Map<Integer, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(1, "terraform | null | [terraform, apply] | [] | null");                 // trimmed, lower-cased
        EXPECTED.put(2, "terraform | null | [git, push, '[redacted]'] | [] | null");            // a URL argument
        EXPECTED.put(3, "terraform | null | [kubectl, get, '[redacted]'] | [] | null");         // a resource name
        EXPECTED.put(4, "terraform | null | [npm, install, '[redacted]'] | [] | null");
        EXPECTED.put(5, "terraform | null | [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15] | [] | null");
        EXPECTED.put(6, "terraform | null | [tool, '[redacted]', '[redacted]', ok_name-2] | [] | null");
        EXPECTED.put(7, "terraform | null | [terraform, plan] | [--author, --keyboard, -v, --output] | null");
        EXPECTED.put(8, "terraform | null | [terraform, plan] | [--keyfile, -k] | null");
        EXPECTED.put(9, "terraform | null | [terraform, plan] | [" + flags(32) + "] | null");
        EXPECTED.put(10, "terraform | null | [terraform, plan] | [] | ConnectionRefusedError: connect ECONNREFUSED <ip>:5432");
        EXPECTED.put(11, "terraform | null | [terraform, plan] | [] | open <path>: no such file");
        EXPECTED.put(12, "terraform | null | [terraform, plan] | [] | <path> not found");
        EXPECTED.put(13, "terraform | null | [terraform, plan] | [] | fetch <url> failed");
        EXPECTED.put(14, "terraform | null | [terraform, plan] | [] | GET <url> returned 401");
        EXPECTED.put(15, "terraform | null | [terraform, plan] | [] | GET <url> returned 500");
        EXPECTED.put(16, "terraform | null | [terraform, plan] | [] | user <email> not allowed");
        EXPECTED.put(17, "terraform | null | [terraform, plan] | [] | bad token <token>");
        EXPECTED.put(18, "terraform | null | [terraform, plan] | [] | key <token> rejected");
        EXPECTED.put(19, "terraform | null | [terraform, plan] | [] | aws <token> denied");
        EXPECTED.put(20, "terraform | null | [terraform, plan] | [] | slack <token> failed");
        EXPECTED.put(21, "terraform | null | [terraform, plan] | [] | jwt <token> expired");
        EXPECTED.put(22, "terraform | null | [terraform, plan] | [] | commit <token> missing");
        EXPECTED.put(23, "terraform | null | [terraform, plan] | [] | session <token> expired");
        EXPECTED.put(24, "terraform | null | [terraform, plan] | [] | AbstractSingletonProxyFactoryBeanError raised");
        EXPECTED.put(25, "terraform | null | [terraform, plan] | [] | " + "x".repeat(256));
        EXPECTED.put(26, "terraform | null | [terraform, plan] | [] | host <ip> unreachable");
        EXPECTED.put(27, "terraform | null | [terraform, plan] | [] | see <path> and <path>");
        EXPECTED.put(28, "terraform | null | [terraform, plan] | [] | <path> locked");
        EXPECTED.put(29, "unknown | null | [terraform, plan] | [] | null");                   // "my tool!"
        EXPECTED.put(30, "unknown | null | [terraform, plan] | [] | null");                   // 129 characters
        EXPECTED.put(31, "Terra_form-2 | 1.2.3+build.5 | [terraform, plan] | [] | null");
        EXPECTED.put(32, "terraform | null | [terraform, plan] | [] | null");                 // "v1 beta"
        EXPECTED.put(33, "terraform | null | [terraform, plan] | [] | null");                 // 65 characters
        EXPECTED.put(34, "terraform | null | [terraform, plan] | [] | null");
        EXPECTED.put(35, "terraform | null | [terraform, plan] | [] | clone <url> failed");
        EXPECTED.put(36, "terraform | null | [terraform, plan] | [] | fetch <url>: denied");
        EXPECTED.put(37, "terraform | null | [terraform, plan] | [] | cannot find module providing package <url>");
        EXPECTED.put(38, "terraform | null | [terraform, plan] | [] | see <url>.");
        EXPECTED.put(39, "terraform | null | [terraform, plan] | [] | (from <url>)");
        EXPECTED.put(40, "terraform | null | [terraform, plan] | [] | lookup registry.example.com: no such host");
        EXPECTED.put(41, "terraform | null | [terraform, plan] | [] | download <url> failed");
        // a known token shape takes the rest of its token: no fragment of the secret is left behind
        EXPECTED.put(42, "terraform | null | [terraform, plan] | [] | aws <token> denied");
        EXPECTED.put(43, "terraform | null | [terraform, plan] | [] | aws <token> denied");
        EXPECTED.put(44, "terraform | null | [terraform, plan] | [] | bad token <token>");
        EXPECTED.put(45, "terraform | null | [terraform, plan] | [] | slack <token> failed");
        EXPECTED.put(46, "terraform | null | [terraform, plan] | [] | jwt <token> expired");
    }

    private static String flags(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append("--f").append(i);
        }
        return b.toString();
    }

    @Test
    void eachRuleStoresExactlyTheSanitizedValue() throws Exception {
        Path db = ingestFixture();
        List<String> rows = Db.rows(db, "SELECT sequence, tool_name, tool_version, command_path, flags_present, error_type"
                + " FROM events ORDER BY sequence");
        assertThat(rows).hasSize(EXPECTED.size());
        for (String row : rows) {
            int seq = Integer.parseInt(row.substring(0, row.indexOf(' ')));
            assertThat(row.substring(row.indexOf('|') + 2)).as("case " + seq).isEqualTo(EXPECTED.get(seq));
        }
    }

    @Test
    void idsAreKeyedHashesOfSixteenHexCharacters() throws Exception {
        Path db = ingestFixture();
        assertThat(Db.rows(db, "SELECT DISTINCT actor_hash, machine_hash FROM events"))
                .containsExactly(hmac16("alice@example.com") + " | " + hmac16("laptop-1"));
        assertThat(Db.one(db, "SELECT session_hint_hash || ' ' || ci_detected FROM events WHERE sequence = 34"))
                .isEqualTo(hmac16("ci-run-42") + " true");
        assertThat(Db.one(db, "SELECT count(*) FROM events WHERE session_hint_hash IS NULL AND NOT ci_detected")).isEqualTo("45");
    }

    @Test
    void hashSaltFromTheCompatibilityVariableIsUsedWhenTheMainOneIsUnset() throws Exception {
        Path file = Lines.write(dir.resolve("e.jsonl"), List.of(Lines.event("")));
        Path db = dir.resolve("h.duckdb");
        Result r = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", null).env("HASH_SALT", "legacy").run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.one(db, "SELECT actor_hash FROM events")).isEqualTo(Salt.of("legacy").hmacHex("alice", 16));
        assertThat(Salt.fileFor(db)).doesNotExist();
    }

    @Test
    void withoutASaltVariableARandomSaltFileIsCreatedOnceWithMode600AndReused() throws Exception {
        Path db = dir.resolve("s.duckdb");
        Path first = Lines.write(dir.resolve("a.jsonl"), List.of(Lines.event("\"sequence\":1")));
        Path second = Lines.write(dir.resolve("b.jsonl"), List.of(Lines.event("\"sequence\":2")));
        assertThat(CliRun.withDb(db).env("CLI_ANALYTICS_SALT", null).run("ingest", first.toString()).exitCode()).isZero();
        Path saltFile = Salt.fileFor(db);
        String salt = Files.readString(saltFile).strip();
        assertThat(salt).matches("[0-9a-f]{64}");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(saltFile))).isEqualTo("rw-------");
        assertThat(CliRun.withDb(db).env("CLI_ANALYTICS_SALT", null).run("ingest", second.toString()).exitCode()).isZero();
        assertThat(Files.readString(saltFile).strip()).isEqualTo(salt);
        assertThat(Db.rows(db, "SELECT DISTINCT actor_hash FROM events")).containsExactly(Salt.of(salt).hmacHex("alice", 16));
        assertThat(Files.readAllBytes(db)).asString(StandardCharsets.ISO_8859_1).doesNotContain(salt);
    }

    @Test
    void timestampsHonourOffsetsTreatNoOffsetAsUtcAndKeepMicroseconds() throws Exception {
        Path file = Lines.write(dir.resolve("t.jsonl"), List.of(
                ts(1, "2026-03-01T10:00:00+02:00"), ts(2, "2026-03-01T10:00:00"), ts(3, "2026-03-01T10:00:00.123456789Z"),
                ts(4, "2026-03-01 10:00:00-05:30"), ts(5, "2026-03-01T10:00:00.5Z")));
        Path db = dir.resolve("t.duckdb");
        assertThat(CliRun.withDb(db).run("ingest", file.toString()).exitCode()).isZero();
        assertThat(Db.rows(db, "SELECT sequence, strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') FROM events ORDER BY sequence"))
                .containsExactly("1 | 2026-03-01T08:00:00.000000Z", "2 | 2026-03-01T10:00:00.000000Z",
                        "3 | 2026-03-01T10:00:00.123456Z", "4 | 2026-03-01T15:30:00.000000Z", "5 | 2026-03-01T10:00:00.500000Z");
    }

    private static String ts(int seq, String timestamp) {
        return Lines.event("\"sequence\":" + seq).replace("2026-03-01T10:00:00Z", timestamp);
    }

    private Path ingestFixture() throws Exception {
        Path file = dir.resolve("privacy.jsonl");
        try (var in = getClass().getResourceAsStream("/ingest/privacy.jsonl")) {
            Files.write(file, in.readAllBytes());
        }
        Path db = dir.resolve("p.duckdb");
        Result r = CliRun.withDb(db).run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return db;
    }

    /** HMAC-SHA256(test salt, value), first 16 hex characters, computed independently of ingest. */
    private static String hmac16(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CliRun.TEST_SALT.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }
}
