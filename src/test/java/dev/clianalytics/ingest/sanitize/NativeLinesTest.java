package dev.clianalytics.ingest.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java staging of one line: strict JSON, reasons in order, formats, sanitized values. */
class NativeLinesTest {
    private static final String EVENT = "{\"timestamp\":\"2026-03-01T10:00:00+02:00\",\"tool_name\":\" git \",\"tool_version\":\"2.4\","
            + "\"command_path\":[\"Git\",\"push\",\"https://x.example.com/r\"],\"flags_present\":[\"--token=x\",\"-v\",\"notaflag\"],"
            + "\"exit_code\":1,\"duration_ms\":5,\"error_type\":\"open /home/alice/x: denied\",\"actor_id\":\"alice\","
            + "\"machine_id\":\"m1\",\"os_type\":\"linux\"}";

    private static StagedLine stage(String format, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new NativeLines(format, "salt".getBytes(StandardCharsets.UTF_8), "00".repeat(32)).stage(b, 0, b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"machine_id\":\"m\",\"tool_version\":\"1.2.7\",}",
        "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"t\",\"command_path\":[\"a\",],\"actor_id\":\"a\",\"machine_id\":\"m\"}",
        "{/* c */\"timestamp\":\"2026-03-01T10:00:00Z\"}",
        "{\"exit_code\":NaN}",
        "{\"exit_code\":Infinity}",
        "{'timestamp':'2026-03-01T10:00:00Z'}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":1} {}",
        "[1,2]",
        "\"x\""})
    void notStrictJsonOrNotAnObjectIsInvalidJson(String line) {
        assertThat(stage("auto", line).reason()).isEqualTo("invalid_json");
    }

    @Test
    void firstProblemInOrder() {
        assertThat(stage("auto", "{\"tool_name\":\"t\"}").reason()).isEqualTo("missing_field:timestamp");
        assertThat(stage("auto", "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"t\",\"command_path\":[\"a\"],"
                + "\"actor_id\":\" \",\"machine_id\":\"m\"}").reason()).isEqualTo("missing_field:actor_id");
        assertThat(stage("auto", "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"t\",\"command_path\":[\"a\"],"
                + "\"actor_id\":\"a\",\"machine_id\":\"m\",\"exit_code\":1.0}").reason()).isEqualTo("wrong_type:exit_code");
        assertThat(stage("auto", "{\"timestamp\":\"2026-02-30T10:00:00Z\",\"tool_name\":\"t\",\"command_path\":[],"
                + "\"actor_id\":\"a\",\"machine_id\":\"m\"}").reason()).isEqualTo("bad_timestamp");
        assertThat(stage("auto", "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"t\",\"command_path\":[],"
                + "\"actor_id\":\"a\",\"machine_id\":\"m\"}").reason()).isEqualTo("empty_command_path");
    }

    @Test
    void acceptedLineIsSanitized() {
        StagedLine s = stage("auto", EVENT);
        assertThat(s.reason()).isNull();
        assertThat(s.format()).isEqualTo("native");
        assertThat(s.unknownKeys()).containsExactly("os_type");
        StagedLine.Event e = s.event();
        assertThat(e.tsMicros()).isEqualTo(1_772_352_000_000_000L);
        assertThat(e.toolName()).isEqualTo("git");
        assertThat(e.commandPath()).containsExactly("git", "push", "[redacted]");
        assertThat(e.flags()).containsExactly("-v");
        assertThat(e.flagsDropped()).isEqualTo(2);
        assertThat(e.flagsMalformed()).isEqualTo(1);
        assertThat(e.errorType()).isEqualTo("open <path>: denied");
        assertThat(e.actorHash()).hasSize(16).doesNotContain("alice");
    }

    @Test
    void foreignLinesAreLeftToTheirReaders() {
        assertThat(stage("auto", "{\"distinct_id\":\"d\",\"event\":\"e\"}").format()).isEqualTo("posthog");
        assertThat(stage("auto", "{\"userId\":\"u\",\"type\":\"track\"}").foreign()).isTrue();
        assertThat(stage("auto", "[{\"userId\":\"u\"}]").format()).isEqualTo("segment");
        assertThat(stage("posthog", "{\"a\":1,}").reason()).isEqualTo("invalid_json");
    }

    @Test
    void keyIgnoresSpellingButNotContent() {
        String spaced = EVENT.replace(",", " , ").replace("\"git\"", "\"g\\u0069t\"");
        assertThat(stage("auto", spaced).event().eventKey()).isEqualTo(stage("auto", EVENT).event().eventKey());
        assertThat(stage("auto", EVENT.replace("\"m1\"", "\"m2\"")).event().eventKey())
                .isNotEqualTo(stage("auto", EVENT).event().eventKey());
    }

    /** The key EVENT had in every build before error_source and http_status existed (schema 10). */
    private static final String KEY_BEFORE_SCHEMA_11 = "e2d6a6b3-86a7-5663-6be7-5ee1b9802e16";

    @Test
    void keyOfAnEventWithoutTheNewFieldsIsTheKeyEarlierBuildsGaveIt() {
        assertThat(stage("auto", EVENT).event().eventKey()).hasToString(KEY_BEFORE_SCHEMA_11);
    }

    private static String withFields(String fields) {
        return EVENT.substring(0, EVENT.length() - 1) + "," + fields + "}";
    }

    @Test
    void newFieldsThatAreNullOrNotAllowedLeaveTheKeyAsItWas() {
        for (String fields : List.of("\"error_source\":null,\"http_status\":null",
                "\"error_source\":\"ghp_abcdefghijklmnopqrstuvwxyz0123\",\"http_status\":\"eyJhbGciOi\"",
                "\"error_source\":42,\"http_status\":700")) {
            StagedLine s = stage("auto", withFields(fields));
            assertThat(s.event().eventKey()).as(fields).hasToString(KEY_BEFORE_SCHEMA_11);
            assertThat(s.event().errorSource()).isNull();
            assertThat(s.event().httpStatus()).isNull();
        }
    }

    @Test
    void newFieldsAreKnownSanitizedAndPartOfTheKey() {
        StagedLine s = stage("auto", withFields("\"error_source\":\" API \",\"http_status\":404"));
        assertThat(s.unknownKeys()).containsExactly("os_type");
        assertThat(s.event().errorSource()).isEqualTo("api");
        assertThat(s.event().httpStatus()).isEqualTo(404);
        assertThat(s.event().eventKey()).isNotEqualTo(stage("auto", EVENT).event().eventKey());
        // the values as stored decide: " API " and "api", 404 and "404" are one event
        assertThat(stage("auto", withFields("\"error_source\":\"api\",\"http_status\":\"404\"")).event().eventKey())
                .isEqualTo(s.event().eventKey());
        assertThat(stage("auto", withFields("\"error_source\":\"api\",\"http_status\":500")).event().eventKey())
                .isNotEqualTo(s.event().eventKey());
        assertThat(stage("auto", withFields("\"error_source\":\"api\"")).event().eventKey())
                .isNotEqualTo(s.event().eventKey());
    }

    @Test
    void timestampsAsEveryEarlierBuildReadThem() {
        assertThat(EpochMicros.micros("2026-03-01 08:00:00")).isEqualTo(EpochMicros.micros("2026-03-01T10:00:00+02:00"));
        assertThat(EpochMicros.micros("2026-03-01T24:00")).isEqualTo(EpochMicros.micros("2026-03-02T00:00:00Z"));
        assertThat(EpochMicros.micros("2026-03-01T10:00:00.1234567Z") % 1_000_000).isEqualTo(123_456);
        for (String bad : List.of("2026-03-01T10:00Z", "2026-03-01T10:00 ", "2026-03-01T10:00:00\t", "2026-03-01T10:00:60",
                "2026-02-29T10:00:00", "2026-03-01T10:00:00+19", "2026-03-01T24:00:01")) {
            assertThat(EpochMicros.micros(bad)).as(bad).isEqualTo(EpochMicros.INVALID);
        }
    }

    @Test
    void idHashesAreCachedButEqual() {
        IdHasher h = new IdHasher("salt".getBytes(StandardCharsets.UTF_8));
        assertThat(h.hash("alice")).isEqualTo(h.hash("alice")).isNotEqualTo(h.hash("bob")).hasSize(16);
        assertThat(h.hash(null)).isNull();
    }
}
