package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BadLinesTest {
    static final Set<String> ALL_REASONS = Set.of("invalid_json", "missing_field:timestamp", "missing_field:tool_name",
            "missing_field:command_path", "missing_field:actor_id", "missing_field:machine_id", "wrong_type:exit_code",
            "wrong_type:command_path", "wrong_type:ci_detected", "wrong_type:duration_ms", "wrong_type:flags_present",
            "bad_timestamp", "empty_command_path", "line_too_long");

    @Test
    void everyRejectReasonAppearsAndExactlyTheAskedShareOfLinesIsBad() {
        Generated g = Generated.of(5, 3_000, 0.05, OutputFormat.NATIVE);
        List<String> lines = g.lines();
        assertThat(lines).hasSize(3_000);
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> inOrder = new ArrayList<>();
        for (String line : lines) {
            String reason = LineClassifier.classify(line);
            if (!reason.equals(LineClassifier.OK)) {
                reasons.merge(reason, 1, Integer::sum);
                inOrder.add(reason);
            }
        }
        assertThat(reasons.keySet()).isEqualTo(ALL_REASONS);
        assertThat(inOrder).hasSize(150);
        assertThat(g.summary().badLines()).isEqualTo(150);
        // The independent classification agrees with the intended rotation, line by line.
        for (int k = 0; k < inOrder.size(); k++) {
            assertThat(inOrder.get(k)).as("bad line %d", k).isEqualTo(BadLine.nth(k, OutputFormat.NATIVE).reason);
        }
        // Over 1 MiB each, so rare: the first rotation and then one in a hundred.
        assertThat(reasons.get("line_too_long")).isEqualTo(1);
    }

    @Test
    void badLinesAreSpreadEvenlyNotBunchedAtTheStart() {
        List<String> lines = Generated.of(5, 1_000, 0.1, OutputFormat.NATIVE).lines();
        for (int block = 0; block < 10; block++) {
            long bad = lines.subList(block * 100, block * 100 + 100).stream()
                    .filter(l -> !LineClassifier.classify(l).equals(LineClassifier.OK)).count();
            assertThat(bad).isEqualTo(10);
        }
    }

    @Test
    void rateOneMakesEveryLineBadAndFewLinesStillGetTheFirstKinds() {
        assertThat(Generated.of(3, 40, 1.0, OutputFormat.NATIVE).lines())
                .allSatisfy(l -> assertThat(LineClassifier.classify(l)).isNotEqualTo(LineClassifier.OK));
        List<String> reasons = Generated.of(3, 100, 0.03, OutputFormat.NATIVE).lines().stream()
                .map(LineClassifier::classify).filter(r -> !r.equals(LineClassifier.OK)).toList();
        assertThat(reasons).containsExactly("invalid_json", "missing_field:timestamp", "wrong_type:exit_code");
    }

    @Test
    void posthogGetsItsOwnMalformedLinesAndTheRestStaysValid() throws Exception {
        // 40 bad lines: four rotations of nine kinds and four more; one over-long line, the others cut.
        assertThat(foreignReasons(OutputFormat.POSTHOG)).isEqualTo(Map.of(
                "invalid_json", 12, "missing_field:distinct_id", 5, "bad_timestamp", 5, "missing_field:command_name", 5,
                "missing_field:timestamp", 4, "empty_command_path", 4, "wrong_type:duration_ms", 4, "line_too_long", 1));
    }

    @Test
    void segmentGetsItsOwnMalformedLinesAndTheRestStaysValid() throws Exception {
        Map<String, Integer> reasons = foreignReasons(OutputFormat.SEGMENT);
        assertThat(reasons.keySet()).containsExactlyInAnyOrder("invalid_json", "missing_field:userId", "bad_timestamp",
                "missing_field:command_path", "missing_field:timestamp", "empty_command_path", "wrong_type:duration_ms",
                "missing_field:invocation_id", "line_too_long");
        assertThat(reasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    }

    /** Reasons of the lines of 2,000 runs at 2%, classified from the contract alone (first failing event of a line). */
    private static Map<String, Integer> foreignReasons(OutputFormat format) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Map<String, Integer> reasons = new TreeMap<>();
        for (String line : Generated.of(5, 2_000, 0.02, format).lines()) {
            String reason = foreignReason(json, line, format);
            if (reason.equals("wrong_type:duration")) {
                reason = "wrong_type:duration_ms"; // the float variant; counted with duration_ms here
            }
            if (!reason.equals(LineClassifier.OK)) {
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        return reasons;
    }

    private static String foreignReason(ObjectMapper json, String line, OutputFormat format) {
        if (line.length() > (1 << 20)) {
            return "line_too_long";
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (Exception e) {
            return "invalid_json";
        }
        List<JsonNode> events = new ArrayList<>();
        if (node.has("batch")) {
            node.get("batch").forEach(events::add);
        } else {
            events.add(node);
        }
        for (JsonNode e : events) {
            String reason = format == OutputFormat.POSTHOG ? posthogReason(e) : segmentReason(e);
            if (!reason.equals(LineClassifier.OK)) {
                return reason;
            }
        }
        return LineClassifier.OK;
    }

    private static String posthogReason(JsonNode e) {
        if (!e.hasNonNull("distinct_id")) {
            return "missing_field:distinct_id";
        }
        String timestamp = timestampReason(e);
        if (timestamp != null) {
            return timestamp;
        }
        JsonNode p = e.path("properties");
        if (e.get("event").asText().startsWith("CLI execution")) {
            if (!p.has("command_name")) {
                return "missing_field:command_name";
            }
            if (p.get("command_name").asText().isBlank()) {
                return "empty_command_path";
            }
            if (p.has("duration_ms") && !p.get("duration_ms").isNumber()) {
                return "wrong_type:duration_ms";
            }
            if (p.has("duration") && !p.get("duration").isNumber()) {
                return "wrong_type:duration";
            }
        }
        return LineClassifier.OK;
    }

    private static String segmentReason(JsonNode e) {
        if (!e.get("type").asText().equals("track")) {
            return LineClassifier.OK;
        }
        if (!e.hasNonNull("userId") && !e.hasNonNull("anonymousId")) {
            return "missing_field:userId";
        }
        String timestamp = timestampReason(e);
        if (timestamp != null) {
            return timestamp;
        }
        String name = e.get("event").asText();
        JsonNode p = e.path("properties");
        if (name.startsWith("Command ") && !p.has("invocation_id")) {
            return "missing_field:invocation_id";
        }
        if (name.equals("Command Invoked")) {
            if (!p.has("command_path") && !p.has("command")) {
                return "missing_field:command_path";
            }
            if (p.has("command_path") ? p.get("command_path").isEmpty() : p.get("command").asText().isBlank()) {
                return "empty_command_path";
            }
        }
        if (name.equals("Command Completed") && !p.get("duration_ms").isNumber()) {
            return "wrong_type:duration_ms";
        }
        return LineClassifier.OK;
    }

    private static String timestampReason(JsonNode e) {
        if (!e.hasNonNull("timestamp")) {
            return "missing_field:timestamp";
        }
        return LineClassifier.parsesAsTimestamp(e.get("timestamp").asText()) ? null : "bad_timestamp";
    }
}
