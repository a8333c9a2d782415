package dev.clianalytics.reliability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, independently of the product's SQL, whether one native line is accepted and, if not,
 * its reject reason: Jackson parses the line and SPEC §3 / docs/ingest.md's rules are applied in
 * Java, in the documented order. Where it and the product legitimately differ, see docs/reliability.md.
 */
final class Oracle {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\s*(\\d{4}-\\d\\d-\\d\\d)[Tt ](\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?)(Z|z|[+-]\\d\\d(?::?\\d\\d)?)?\\s*");

    /**
     * A verdict: {@code reason} null means accepted (then {@code key} identifies the event and
     * {@code content} is what decides whether a later line with the same key is a duplicate or a
     * conflict), blank lines are skipped.
     */
    record Verdict(boolean blank, String reason, String key, Long sequence, String content) {
        boolean accepted() {
            return !blank && reason == null;
        }
    }

    private Oracle() {}

    static Verdict judge(String line) {
        if (line.strip().isEmpty() && line.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r')) {
            return new Verdict(true, null, null, null, null);
        }
        if (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
            return reject("line_too_long");
        }
        Map<String, JsonNode> m = parseObject(line);
        if (m == null) {
            return reject("invalid_json");
        }
        String foreign = foreignFormat(m);
        if (foreign != null) {
            return reject("unsupported_format:" + foreign);
        }
        for (String f : new String[] {"timestamp", "tool_name", "command_path"}) {
            if (absent(m, f)) {
                return reject("missing_field:" + f);
            }
        }
        for (String f : new String[] {"actor_id", "machine_id"}) {
            if (absent(m, f) || (m.get(f).isTextual() && m.get(f).asText().strip().isEmpty())) {
                return reject("missing_field:" + f);
            }
        }
        String wrong = wrongType(m);
        if (wrong != null) {
            return reject("wrong_type:" + wrong);
        }
        if (!isTimestamp(m.get("timestamp").asText())) {
            return reject("bad_timestamp");
        }
        if (m.get("command_path").isEmpty()) {
            return reject("empty_command_path");
        }
        JsonNode id = m.get("event_id");
        String key = id != null && !id.isNull() ? "id:" + id.asText() : "content:" + canonical(m);
        JsonNode seq = m.get("sequence");
        return new Verdict(false, null, key, seq == null || seq.isNull() ? null : seq.longValue(), content(m));
    }

    private static Verdict reject(String reason) {
        return new Verdict(false, reason, null, null, null);
    }

    /** The object's fields, the first value of a repeated key winning; null unless exactly one JSON object. */
    private static Map<String, JsonNode> parseObject(String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, JsonNode> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                p.nextToken();
                JsonNode value = MAPPER.readTree(p);
                m.putIfAbsent(name, value);
            }
            return p.nextToken() == null ? m : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String foreignFormat(Map<String, JsonNode> m) {
        if (m.containsKey("tool_name") || m.containsKey("command_path")) {
            return null;
        }
        if (m.containsKey("batch") && m.get("batch").isArray()) {
            JsonNode first = m.get("batch").path(0);
            return first.has("type") ? "segment" : "posthog";
        }
        if (present(m, "type") && (present(m, "userId") || present(m, "anonymousId") || present(m, "messageId"))) {
            return "segment";
        }
        if (present(m, "event") && (present(m, "distinct_id") || present(m, "uuid") || present(m, "properties"))) {
            return "posthog";
        }
        return null;
    }

    private static boolean present(Map<String, JsonNode> m, String f) {
        return m.containsKey(f) && !m.get(f).isNull();
    }

    private static boolean absent(Map<String, JsonNode> m, String f) {
        return !present(m, f);
    }

    private static String wrongType(Map<String, JsonNode> m) {
        if (!m.get("timestamp").isTextual()) {
            return "timestamp";
        }
        if (!m.get("tool_name").isTextual()) {
            return "tool_name";
        }
        if (present(m, "tool_version") && !m.get("tool_version").isTextual()) {
            return "tool_version";
        }
        if (!stringArray(m.get("command_path"))) {
            return "command_path";
        }
        if (present(m, "flags_present") && !stringArray(m.get("flags_present"))) {
            return "flags_present";
        }
        if (present(m, "exit_code") && !integerIn(m.get("exit_code"), Integer.MIN_VALUE, Integer.MAX_VALUE)) {
            return "exit_code";
        }
        if (present(m, "duration_ms") && !integerIn(m.get("duration_ms"), 0, 1_000_000_000_000L)) {
            return "duration_ms";
        }
        for (String f : new String[] {"error_type", "actor_id", "machine_id", "session_hint"}) {
            if (present(m, f) && !m.get(f).isTextual()) {
                return f;
            }
        }
        if (present(m, "ci_detected") && !m.get("ci_detected").isBoolean()) {
            return "ci_detected";
        }
        if (present(m, "event_id") && !m.get("event_id").isTextual()) {
            return "event_id";
        }
        if (present(m, "sequence") && !integerIn(m.get("sequence"), Long.MIN_VALUE, Long.MAX_VALUE)) {
            return "sequence";
        }
        return null;
    }

    private static boolean stringArray(JsonNode n) {
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Whole numbers only: no fraction, no exponent (Jackson reads 1e3 and 1.0 as floating point). */
    private static boolean integerIn(JsonNode n, long min, long max) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            return false;
        }
        long v = n.longValue();
        return v >= min && v <= max;
    }

    static boolean isTimestamp(String text) {
        Matcher t = TIMESTAMP.matcher(text);
        if (!t.matches()) {
            return false;
        }
        String time = t.group(2);
        if (time.length() == 5 && t.group(3) != null) {
            return false; // known limit (docs/reliability.md): DuckDB needs seconds before an offset
        }
        if (time.length() == 5) {
            time += ":00";
        }
        if (time.matches("24:00:00(\\.0+)?")) {
            time = "00:00:00"; // ISO 8601's end of day, which DuckDB takes as the next midnight
        }
        try {
            LocalDateTime.parse(t.group(1) + "T" + time);
        } catch (DateTimeParseException e) {
            return false;
        }
        String offset = t.group(3);
        if (offset != null && offset.length() > 1) {
            int hours = Integer.parseInt(offset.substring(1, 3));
            int minutes = offset.length() > 3 ? Integer.parseInt(offset.substring(offset.length() - 2)) : 0;
            return hours < 19 && minutes < 60;
        }
        return true;
    }

    /**
     * What an event stores, for telling a duplicate from a conflict (docs/ingest.md, "Conflicting
     * event ids"): the instant to the microsecond (DuckDB truncates), each field's JSON value, an
     * absent field like null, an absent ci_detected like false and absent flags like none. (The
     * product compares sanitized values; the fuzz lines reuse an id only by splicing two lines,
     * whose values then differ before and after sanitizing alike.)
     */
    private static String content(Map<String, JsonNode> m) {
        StringBuilder b = new StringBuilder().append(micros(m.get("timestamp").asText())).append(';');
        for (String f : new String[] {"tool_name", "tool_version", "command_path", "flags_present", "exit_code", "duration_ms",
                "error_type", "actor_id", "machine_id", "session_hint", "ci_detected", "sequence"}) {
            JsonNode v = m.get(f);
            String absent = f.equals("ci_detected") ? "false" : f.equals("flags_present") ? "[]" : "";
            b.append(f).append('=').append(v == null || v.isNull() ? absent : v.toString()).append(';');
        }
        return b.toString();
    }

    /** The instant of a timestamp {@link #isTimestamp} accepts, in microseconds (no offset: UTC). */
    private static long micros(String text) {
        Matcher t = TIMESTAMP.matcher(text);
        if (!t.matches()) {
            throw new IllegalArgumentException(text);
        }
        String time = t.group(2).length() == 5 ? t.group(2) + ":00" : t.group(2);
        boolean endOfDay = time.matches("24:00:00(\\.0+)?");
        LocalDateTime local = LocalDateTime.parse(t.group(1) + "T" + (endOfDay ? "00:00:00" : time)).plusDays(endOfDay ? 1 : 0);
        String offset = t.group(3) == null || t.group(3).equalsIgnoreCase("z") ? "+00:00" : t.group(3);
        int sign = offset.startsWith("-") ? -1 : 1;
        int hours = Integer.parseInt(offset.substring(1, 3));
        int minutes = offset.length() > 3 ? Integer.parseInt(offset.substring(offset.length() - 2)) : 0;
        Instant instant = local.toInstant(ZoneOffset.UTC).minusSeconds(sign * (hours * 3600L + minutes * 60L));
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    /** The SPEC §3 fields as typed values, for events without an event_id. */
    private static String canonical(Map<String, JsonNode> m) {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] {"timestamp", "tool_name", "tool_version", "command_path", "flags_present",
                "exit_code", "duration_ms", "error_type", "actor_id", "machine_id", "session_hint", "ci_detected", "sequence"}) {
            JsonNode v = m.get(f);
            b.append(f).append('=').append(v == null || v.isNull() ? "" : v.toString()).append(';');
        }
        return b.toString();
    }
}
