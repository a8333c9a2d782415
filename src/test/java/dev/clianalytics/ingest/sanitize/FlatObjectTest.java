package dev.clianalytics.ingest.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of plain lines stages every line exactly as Jackson's path does, and leaves it every other line. */
class FlatObjectTest {
    private static final String OK = "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"git\",\"command_path\":[\"git\",\"push\"],"
            + "\"flags_present\":[\"--force\",\"-v=2\"],\"exit_code\":-3,\"duration_ms\":0,\"actor_id\":\"a\",\"machine_id\":\"m\"";

    private static StagedLine stage(String line, boolean fast) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        NativeLines n = new NativeLines("auto", "salt".getBytes(StandardCharsets.UTF_8), "00".repeat(32));
        return (fast ? n : n.withoutFastPath()).stage(b, 0, b.length);
    }

    private static boolean plain(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int n = 16;
        @SuppressWarnings("unchecked")
        List<String>[] lists = new List[n];
        return new FlatObject(new String[] {"timestamp"}, new char[n], new String[n], new long[n], new boolean[n], lists,
                new boolean[n]).read(b, 0, b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        OK + "}",
        OK + ",\"sequence\":123456789012345678}",
        OK + ",\"sequence\":1234567890123456789}",
        OK + ",\"sequence\":-0}",
        OK + ",\"sequence\":01}",
        OK + ",\"sequence\":1.0}",
        OK + ",\"sequence\":1e2}",
        OK + ",\"exit_code\":7}",
        OK + ",\"actor_id\":\"b\"}",
        OK + ",\"ci_detected\":true,\"ci_detected\":false}",
        OK + ",\"ci_detected\":tru}",
        OK + ",\"ci_detected\":truex}",
        OK + ",\"ci_detected\":null}",
        OK + ",\"os_type\":\"linux\",\"os_type\":[1,\"x\",null]}",
        OK + ",\"x\":{\"a\":1}}",
        OK + ",\"x\":[[1]]}",
        OK + ",\"x\":[1,]}",
        OK + ",}",
        OK + "} ",
        OK + "}x",
        OK + ",\"type\":\"track\"}",
        OK + ",\"event\":\"e\"}",
        OK + ",\"flags_present\":[\"--a\",1]}",
        OK + ",\"error_type\":\"caf\\u00e9 \\\"q\\\"\"}",
        OK + ",\"error_type\":\"café\"}",
        OK + ",\"error_type\":\"tab\there\"}",
        OK + ",\"session_hint\":\"\\ud800\"}",
        " \t{ \"timestamp\" : \"2026-03-01T10:00:00Z\" , \"tool_name\":\"t\" }\t ",
        "\uFEFF{\"timestamp\":\"2026-03-01T10:00:00Z\"}",
        "{}",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "[{\"distinct_id\":\"d\"}]",
        "{\"timestamp\":\"2026-03-01T10:00:00Z\"}\r"})
    void stagesEveryLineAsJacksonDoes(String line) {
        assertThat(stage(line, true)).isEqualTo(stage(line, false));
    }

    @Test
    void takesPlainLinesAndLeavesTheOthers() {
        assertThat(plain(OK + "}")).isTrue();
        assertThat(plain(" { } ")).isTrue();
        assertThat(plain(OK + ",\"os_type\":[1,\"x\",null,false]}")).isTrue();
        assertThat(plain(OK + ",\"error_type\":\"a\\\"b\"}")).isFalse();   // an escape
        assertThat(plain(OK + ",\"error_type\":\"café\"}")).isFalse();     // not ASCII
        assertThat(plain(OK + ",\"sequence\":1.5}")).isFalse();            // a fraction
        assertThat(plain(OK + ",\"x\":{}}")).isFalse();                     // nested
        assertThat(plain(OK + ",\"batch\":[]}")).isFalse();                 // a key of another format
        assertThat(plain(OK + ",}")).isFalse();                             // not JSON: Jackson says so
    }
}
