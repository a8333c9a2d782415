package dev.clianalytics.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal reader of the three formats written straight from /work/notes/FORMATS-CONTRACT.md, used
 * only to check that the generator writes the same activity in each format (issue 6). It is not the
 * product's reader; it resolves identity links with a union-find, as infer would.
 */
final class ContractReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command event as inference sees it; {@code actor} is the raw id (resolved through links later). */
    record Event(Instant ts, String tool, String version, List<String> path, List<String> flags, Integer exitCode,
            Long durationMs, String errorType, String actor, String machine, String sessionHint, boolean ci,
            Long sequence) {}

    final List<Event> events = new ArrayList<>();
    final Map<String, String> parent = new HashMap<>();
    final Map<String, Integer> ignored = new TreeMap<>();
    final Map<String, Integer> flowEvents = new TreeMap<>();
    int batchLines;
    int aliasLinks;
    int identifyLinks;
    final Map<String, Integer> eventNames = new TreeMap<>();
    private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();

    static ContractReader read(String format, String text) throws Exception {
        ContractReader reader = new ContractReader();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            List<JsonNode> items = new ArrayList<>();
            if (node.has("batch")) {
                reader.batchLines++;
                node.get("batch").forEach(items::add);
            } else {
                items.add(node);
            }
            for (JsonNode item : items) {
                switch (format) {
                    case "native" -> reader.nativeEvent(item);
                    case "posthog" -> reader.posthog(item);
                    case "segment" -> reader.segment(item);
                    default -> throw new IllegalArgumentException(format);
                }
            }
        }
        if (!reader.pending.isEmpty()) {
            throw new AssertionError("invocations without Completed: " + reader.pending.keySet());
        }
        return reader;
    }

    /** The person behind a raw id after following every link. */
    String root(String id) {
        String p = parent.getOrDefault(id, id);
        return p.equals(id) ? id : root(p);
    }

    private void link(String a, String b) {
        String ra = root(a);
        String rb = root(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private void nativeEvent(JsonNode e) {
        events.add(new Event(instant(e.get("timestamp").asText()), e.get("tool_name").asText(), text(e, "tool_version"),
                strings(e.get("command_path")), strings(e.get("flags_present")), integer(e, "exit_code"),
                longValue(e, "duration_ms"), text(e, "error_type"), e.get("actor_id").asText(), e.get("machine_id").asText(),
                text(e, "session_hint"), e.path("ci_detected").asBoolean(false), longValue(e, "sequence")));
    }

    private void posthog(JsonNode e) {
        String name = e.get("event").asText();
        count(eventNames, name);
        JsonNode p = e.path("properties");
        String distinct = e.get("distinct_id").asText();
        switch (name) {
            case "$create_alias" -> {
                aliasLinks++;
                link(distinct, p.get("alias").asText());
            }
            case "$identify" -> {
                identifyLinks++;
                link(distinct, p.get("$anon_distinct_id").asText());
            }
            case "CLI execution succeeded", "CLI execution failed" -> {
                String tool = p.has("tool_name") ? p.get("tool_name").asText() : "cli";
                List<String> path = new ArrayList<>(List.of(tool));
                List<String> parts = Arrays.asList(p.get("command_name").asText().split("\\."));
                path.addAll(parts.get(0).equals(tool) ? parts.subList(1, parts.size()) : parts);
                Integer exit = p.path("exit_code").isInt() ? p.get("exit_code").asInt() : (name.endsWith("succeeded") ? 0 : 1);
                Long duration = p.has("duration_ms") ? Long.valueOf(p.get("duration_ms").asLong())
                        : p.has("duration") ? Long.valueOf(Math.round(p.get("duration").asDouble())) : null;
                String machine = p.has("machine_id") ? p.get("machine_id").asText()
                        : p.has("$device_id") ? p.get("$device_id").asText() : distinct;
                Long sequence = p.has("sequence") ? longValue(p, "sequence") : longValue(p, "event_index");
                events.add(new Event(instant(e.get("timestamp").asText()), tool, text(p, "cli_version"), path,
                        strings(p.get("flags")), exit, duration, text(p, "error_message"), distinct, machine,
                        text(p, "session_hint"), p.path("ci").asBoolean(false), sequence));
            }
            default -> count(ignored, name);
        }
    }

    private void segment(JsonNode e) {
        String type = e.get("type").asText();
        switch (type) {
            case "alias" -> {
                aliasLinks++;
                link(e.get("previousId").asText(), e.get("userId").asText());
                return;
            }
            case "identify" -> {
                identifyLinks++;
                link(e.get("userId").asText(), e.get("anonymousId").asText());
                return;
            }
            case "track" -> { }
            default -> {
                count(ignored, type);
                return;
            }
        }
        String name = e.get("event").asText();
        count(eventNames, name);
        JsonNode p = e.path("properties");
        String invocation = text(p, "invocation_id");
        switch (name) {
            case "Command Invoked" -> {
                Map<String, Object> inv = new HashMap<>();
                String tool = p.has("tool") ? p.get("tool").asText() : e.path("context").path("app").path("name").asText("cli");
                String version = p.has("version") ? p.get("version").asText() : text(e.path("context").path("app"), "version");
                List<String> path;
                if (p.has("command_path")) {
                    path = strings(p.get("command_path"));
                } else {
                    path = new ArrayList<>(Arrays.asList(p.get("command").asText().split("[ .]")));
                    if (!path.get(0).equals(tool)) {
                        path.add(0, tool);
                    }
                }
                inv.put("ts", instant(e.get("timestamp").asText()));
                inv.put("tool", tool);
                inv.put("version", version);
                inv.put("path", path);
                inv.put("flags", strings(p.get("flags")));
                inv.put("actor", e.hasNonNull("userId") ? e.get("userId").asText() : e.get("anonymousId").asText());
                JsonNode device = e.path("context").path("device").path("id");
                inv.put("machine", device.isTextual() ? device.asText() : e.get("anonymousId").asText());
                inv.put("hint", text(p, "session_hint"));
                inv.put("ci", p.path("ci").asBoolean(false));
                inv.put("sequence", longValue(p, "sequence"));
                pending.put(invocation, inv);
            }
            case "Command Failed" -> {
                Map<String, Object> inv = pending.get(invocation);
                inv.put("error", text(p, "error_class"));
                inv.putIfAbsent("exit", 1);
            }
            case "Command Completed" -> {
                Map<String, Object> inv = pending.remove(invocation);
                Integer exit = p.path("exit_code").isInt() ? Integer.valueOf(p.get("exit_code").asInt())
                        : p.has("succeeded") ? Integer.valueOf(p.get("succeeded").asBoolean() ? 0 : 1) : (Integer) inv.get("exit");
                @SuppressWarnings("unchecked")
                List<String> path = (List<String>) inv.get("path");
                @SuppressWarnings("unchecked")
                List<String> flags = (List<String>) inv.get("flags");
                events.add(new Event((Instant) inv.get("ts"), (String) inv.get("tool"), (String) inv.get("version"), path,
                        flags, exit, longValue(p, "duration_ms"), (String) inv.get("error"), (String) inv.get("actor"),
                        (String) inv.get("machine"), (String) inv.get("hint"), (Boolean) inv.get("ci"),
                        (Long) inv.get("sequence")));
            }
            default -> count(flowEvents, name);
        }
    }

    private static void count(Map<String, Integer> counts, String name) {
        counts.merge(name, 1, Integer::sum);
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }

    private static Long longValue(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
