package dev.clianalytics.ingest.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow event's rules in Java: names, tools and ids sanitized, and keys equal to those earlier
 * builds computed in SQL (md5 over the secret and DuckDB's {@code to_json} of the raw fields), so
 * that files ingested before de-duplicate against files ingested now.
 */
class FlowEventsTest {
    private static final String SECRET = "ab".repeat(32);
    private static final byte[] SALT = "salt".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** {@code json} as DuckDB's JSON type holds it after read_json, as ingest loaded properties. */
    private String readJson(String json) throws IOException, SQLException {
        Path file = Files.writeString(dir.resolve("p.jsonl"), "{\"p\":" + json + "}\n");
        return duckdb("SELECT p::VARCHAR FROM read_json(?, format = 'newline_delimited', columns = {p: 'JSON'})",
                file.toString());
    }

    private static String duckdb(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void doublesArePrintedAsDuckDbPrintsThem() throws Exception {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 1e-6, 1.5e-6, 1e-7, 1.23e-7, 3e-10, 5e-324,
                1e7, 1.23e11, 999999999999.9, 123456789.123, 12345678.5, 1e20, 1e21, 1.7976931348623157e308, 2.0 / 3));
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            values.add((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(30) - 15));
        }
        StringJoiner java = new StringJoiner(",", "[", "]");
        StringJoiner jackson = new StringJoiner(",", "[", "]");
        for (double d : values) {
            java.add(FlowEvents.number(d));
            jackson.add(Double.toString(d));
        }
        assertThat(java.toString()).isEqualTo(readJson(jackson.toString()));
    }

    @Test
    void contentIsDuckDbsJsonListOfTheRawFields() throws SQLException {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        String[] fields = {"2026-03-01T10:00:00Z", "CLI \"Auth\" \\ Started/é😀" + controls + (char) 127 + '\u2028', " tool ",
                null, "0123456789abcdef", null, "fedcba9876543210", "{\"flow\":\"login\",\"n\":1}"};
        String content = FlowEvents.contentJson(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
                fields[7]);
        assertThat(content).isEqualTo(duckdb("SELECT to_json(['flow', ?, ?, ?, ?, ?, ?, ?, ?])::VARCHAR", (Object[]) fields));
    }

    @Test
    void keysEqualThoseOfTheSqlRuleOfEarlierBuilds() throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("flow", "login");
        props.put("attempt", 2L);
        props.put("ratio", 1.5e-7);
        props.put("retry", true);
        FlowEvents rules = new FlowEvents(SALT, SECRET);
        FlowEvents.Sanitized s = rules.sanitize("2026-03-01T10:00:00.5Z", "CLI Auth Started", "gh", "2.40", "alice@example.com",
                "m1", null, null, props);
        assertThat(s.properties()).isEqualTo("{\"flow\":\"login\",\"attempt\":2,\"ratio\":1.5e-7,\"retry\":true}");
        // earlier builds: Jackson wrote the properties, read_json loaded them, to_json listed the raw fields
        String loaded = readJson("{\"flow\":\"login\",\"attempt\":2,\"ratio\":1.5E-7,\"retry\":true}");
        String sqlKey = duckdb("SELECT md5(? || chr(31) || 'content' || chr(31) || to_json(['flow', ?, ?, ?, ?, ?, ?, ?,"
                + " ?])::VARCHAR)::UUID::VARCHAR", SECRET, "2026-03-01T10:00:00.5Z", "CLI Auth Started", "gh",
                "2.40", s.actorHash(), s.machineHash(), null, loaded);
        assertThat(s.eventKey()).isEqualTo(UUID.fromString(sqlKey));
        String idKey = duckdb("SELECT md5(? || chr(31) || 'event_id' || chr(31) || ?)::UUID::VARCHAR", SECRET, "msg-1");
        assertThat(rules.sanitize("2026-03-01T10:00:00Z", "CLI Auth Started", "gh", null, "a", "m", null, "msg-1", Map.of())
                .eventKey()).isEqualTo(UUID.fromString(idKey));
    }

    @Test
    void valuesAreSanitizedAndIdsHashed() {
        FlowEvents.Sanitized s = new FlowEvents(SALT, SECRET).sanitize("2026-03-01T12:00:00+02:00", "CLI Auth Completed",
                " gh ", "v 1", "alice@example.com", "m1", "shell-7", "id-1", Map.of());
        assertThat(s.tsMicros()).isEqualTo(1_772_359_200_000_000L);
        assertThat(s.toolName()).isEqualTo("gh");
        assertThat(s.toolVersion()).isNull();
        assertThat(s.actorHash()).isEqualTo(new IdHasher(SALT).hash("alice@example.com")).hasSize(16);
        assertThat(s.sessionHintHash()).isEqualTo(new IdHasher(SALT).hash("shell-7"));
        assertThat(s.properties()).isEqualTo("{}");
        assertThat(new FlowEvents(SALT, SECRET).sanitize("yesterday", "CLI Auth Completed", "gh", null, "a", "m", null, null,
                Map.of())).isNull();
    }

    @Test
    void onlyPlainCatalogNamesAreKept() {
        assertThat(FlowEvents.eventName("CLI Application Upgrade Accepted Terms")).isEqualTo("CLI Application Upgrade Accepted Terms");
        assertThat(FlowEvents.eventName("$pageview")).isEqualTo("$pageview");
        assertThat(FlowEvents.eventName("Failed for alice@example.com")).isEqualTo("[redacted]");
        assertThat(FlowEvents.eventName("Login ghp_0123456789abcdefghijABCDEFGHIJ")).isEqualTo("[redacted]");
        assertThat(FlowEvents.eventName("Opened /home/alice/x")).isEqualTo("[redacted]");
        assertThat(FlowEvents.eventName("x".repeat(129))).isEqualTo("[redacted]");
        assertThat(FlowEvents.eventName("1 starts with a digit")).isEqualTo("[redacted]");
        assertThat(FlowEvents.eventName(null)).isEqualTo("[redacted]");
    }
}
