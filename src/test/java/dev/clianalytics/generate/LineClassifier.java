package dev.clianalytics.generate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Says whether a native line would be accepted or why it would be rejected (SPEC §3, §4.3), written
 * from the spec alone so it checks the generator independently of the generator's own labels.
 */
final class LineClassifier {
    static final String OK = "ok";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> REQUIRED = List.of("timestamp", "tool_name", "command_path", "actor_id", "machine_id");
    private static final List<String> STRINGS = List.of("timestamp", "tool_name", "tool_version", "error_type", "actor_id",
            "machine_id", "session_hint", "event_id");

    private LineClassifier() {}

    static String classify(String line) {
        if (line.getBytes(StandardCharsets.UTF_8).length > (1 << 20)) {
            return "line_too_long";
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            return "invalid_json";
        }
        if (node == null || !node.isObject()) {
            return "invalid_json";
        }
        for (String field : REQUIRED) {
            if (!node.hasNonNull(field)) {
                return "missing_field:" + field;
            }
        }
        for (String field : STRINGS) {
            if (node.hasNonNull(field) && !node.get(field).isTextual()) {
                return "wrong_type:" + field;
            }
        }
        JsonNode path = node.get("command_path");
        if (!path.isArray()) {
            return "wrong_type:command_path";
        }
        for (JsonNode element : path) {
            if (!element.isTextual()) {
                return "wrong_type:command_path";
            }
        }
        if (node.has("flags_present") && !node.get("flags_present").isArray()) {
            return "wrong_type:flags_present";
        }
        for (String field : List.of("exit_code", "duration_ms", "sequence")) {
            if (node.hasNonNull(field) && !node.get(field).isIntegralNumber()) {
                return "wrong_type:" + field;
            }
        }
        if (node.hasNonNull("ci_detected") && !node.get("ci_detected").isBoolean()) {
            return "wrong_type:ci_detected";
        }
        if (!parsesAsTimestamp(node.get("timestamp").asText())) {
            return "bad_timestamp";
        }
        if (path.isEmpty()) {
            return "empty_command_path";
        }
        return OK;
    }

    static boolean parsesAsTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
