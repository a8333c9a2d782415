package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.config.YamlFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code posthog:} and {@code segment:} sections of the workflows settings file and
 * validates them strictly: an unknown key or a wrong type names the file, line and key (in the
 * words infer uses for the same file). The workflow keys (entry_commands, terminal_commands,
 * workflow_names) belong to infer and are skipped here; any other top-level key is an error.
 */
public final class FormatConfigLoader {
    private enum Kind { STRING, LIST, PROPERTIES }

    private static final Map<String, Kind> POSTHOG_KEYS = keys(
            "default_tool", Kind.STRING, "command_separator", Kind.STRING,
            "success_events", Kind.LIST, "failure_events", Kind.LIST,
            "alias_events", Kind.LIST, "identify_events", Kind.LIST, "properties", Kind.PROPERTIES);
    private static final Map<String, Kind> SEGMENT_KEYS = keys(
            "default_tool", Kind.STRING, "invoked_events", Kind.LIST, "completed_events", Kind.LIST,
            "failed_events", Kind.LIST, "command_events", Kind.LIST, "ignore_events", Kind.LIST,
            "properties", Kind.PROPERTIES);
    /** Segment's lists of event names: a name may be in one of them only. */
    private static final List<String> SEGMENT_LISTS = List.of(
            "invoked_events", "completed_events", "failed_events", "command_events", "ignore_events");

    /** The workflow keys of the same file, read and validated by infer. */
    private static final Set<String> INFER_KEYS = Set.of("entry_commands", "terminal_commands", "workflow_names");
    private static final String TOP_LEVEL_KEYS = "entry_commands, terminal_commands, workflow_names, posthog or segment";

    private final String file;
    private final JsonParser parser;

    private FormatConfigLoader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The settings of {@code file}; defaults for every key it does not set. */
    public static FormatConfig load(Path file) {
        return YamlFiles.parse(file.toString(), YamlFiles.bytes(file), p -> new FormatConfigLoader(file.toString(), p).read());
    }

    private FormatConfig read() throws IOException {
        FormatConfig config = FormatConfig.defaults();
        JsonToken t = parser.nextToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return config;
        }
        if (t != JsonToken.START_OBJECT) {
            throw error("the file must be a mapping with the keys " + TOP_LEVEL_KEYS);
        }
        Map<String, Object> posthog = null;
        Map<String, Object> segment = null;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!seen.add(key)) {
                throw error("key '" + key + "' appears twice");
            }
            if (!key.equals("posthog") && !key.equals("segment") && !INFER_KEYS.contains(key)) {
                throw error("unknown key '" + key + "' (expected " + TOP_LEVEL_KEYS + ")");
            }
            parser.nextToken();
            if (key.equals("posthog")) {
                posthog = section("posthog", POSTHOG_KEYS);
            } else if (key.equals("segment")) {
                segment = section("segment", SEGMENT_KEYS);
                checkDisjoint(segment);
            } else {
                parser.skipChildren(); // infer validates its own keys
            }
        }
        if (parser.nextToken() != null) {
            throw error("only one YAML document is allowed");
        }
        return new FormatConfig(posthog(config.posthog(), posthog), segment(config.segment(), segment));
    }

    private Map<String, Object> section(String name, Map<String, Kind> known) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return values;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(name + " must be a mapping of keys, e.g. {default_tool: mycli}");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String qualified = name + "." + key;
            Kind kind = known.get(key);
            if (kind == null) {
                throw error("unknown key '" + qualified + "' (expected " + String.join(", ", known.keySet()) + ")");
            }
            if (values.containsKey(key)) {
                throw error("key '" + qualified + "' appears twice");
            }
            parser.nextToken();
            values.put(key, switch (kind) {
                case STRING -> string(qualified);
                case LIST -> list(qualified, false);
                case PROPERTIES -> properties(qualified, name.equals("posthog")
                        ? FormatConfig.PostHog.DEFAULT_PROPERTIES.keySet()
                        : FormatConfig.Segment.DEFAULT_PROPERTIES.keySet());
            });
        }
        return values;
    }

    /** An event name in two of Segment's lists could mean either: say so instead of choosing. */
    @SuppressWarnings("unchecked")
    private void checkDisjoint(Map<String, Object> segment) {
        FormatConfig.Segment d = FormatConfig.Segment.defaults();
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        lists.put("invoked_events", set(segment, "invoked_events", d.invokedEvents()));
        lists.put("completed_events", set(segment, "completed_events", d.completedEvents()));
        lists.put("failed_events", set(segment, "failed_events", d.failedEvents()));
        lists.put("command_events", set(segment, "command_events", d.commandEvents()));
        lists.put("ignore_events", set(segment, "ignore_events", d.ignoreEvents()));
        for (int i = 0; i < SEGMENT_LISTS.size(); i++) {
            for (int k = i + 1; k < SEGMENT_LISTS.size(); k++) {
                for (String name : lists.get(SEGMENT_LISTS.get(i))) {
                    if (lists.get(SEGMENT_LISTS.get(k)).contains(name)) {
                        String given = segment.containsKey(SEGMENT_LISTS.get(i)) ? "" : " (by default)";
                        throw error("segment: '" + name + "' is in both " + SEGMENT_LISTS.get(i) + given + " and "
                                + SEGMENT_LISTS.get(k) + "; an event name may be in one list only");
                    }
                }
            }
        }
    }

    private String string(String key) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isEmpty()) {
            throw error(key + " must be a non-empty string");
        }
        return parser.getText();
    }

    private List<String> list(String key, boolean scalarAllowed) throws IOException {
        if (scalarAllowed && parser.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(string(key));
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(key + " must be a list of names" + (scalarAllowed ? " or one name" : "") + ", e.g. [name1, name2]");
        }
        List<String> out = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isEmpty()) {
                throw error(key + " must be a list of non-empty names");
            }
            out.add(parser.getText());
        }
        return List.copyOf(out);
    }

    private Map<String, List<String>> properties(String key, Set<String> known) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(key + " must be a mapping of field names to property names, e.g. {command: command_name}");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!known.contains(field)) {
                throw error("unknown key '" + key + "." + field + "' (expected " + String.join(", ", known) + ")");
            }
            if (out.containsKey(field)) {
                throw error("key '" + key + "." + field + "' appears twice");
            }
            parser.nextToken();
            List<String> names = list(key + "." + field, true);
            if (names.isEmpty()) {
                throw error(key + "." + field + " must name at least one property");
            }
            out.put(field, names);
        }
        return out;
    }

    private CliAnalyticsException error(String message) {
        return YamlFiles.error(file, parser.currentTokenLocation(), message);
    }

    @SuppressWarnings("unchecked")
    private static FormatConfig.PostHog posthog(FormatConfig.PostHog d, Map<String, Object> v) {
        if (v == null) {
            return d;
        }
        return new FormatConfig.PostHog(
                (String) v.getOrDefault("default_tool", d.defaultTool()),
                (String) v.getOrDefault("command_separator", d.commandSeparator()),
                set(v, "success_events", d.successEvents()),
                set(v, "failure_events", d.failureEvents()),
                set(v, "alias_events", d.aliasEvents()),
                set(v, "identify_events", d.identifyEvents()),
                merged(d.properties(), (Map<String, List<String>>) v.get("properties")));
    }

    @SuppressWarnings("unchecked")
    private static FormatConfig.Segment segment(FormatConfig.Segment d, Map<String, Object> v) {
        if (v == null) {
            return d;
        }
        return new FormatConfig.Segment(
                (String) v.getOrDefault("default_tool", d.defaultTool()),
                set(v, "invoked_events", d.invokedEvents()),
                set(v, "completed_events", d.completedEvents()),
                set(v, "failed_events", d.failedEvents()),
                set(v, "command_events", d.commandEvents()),
                set(v, "ignore_events", d.ignoreEvents()),
                merged(d.properties(), (Map<String, List<String>>) v.get("properties")));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> set(Map<String, Object> v, String key, Set<String> fallback) {
        Object given = v.get(key);
        return given == null ? fallback : Set.copyOf(new LinkedHashSet<>((List<String>) given));
    }

    private static Map<String, List<String>> merged(Map<String, List<String>> d, Map<String, List<String>> given) {
        if (given == null) {
            return d;
        }
        Map<String, List<String>> m = new LinkedHashMap<>(d);
        m.putAll(given);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Kind> keys(Object... kv) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Kind) kv[i + 1]);
        }
        return m;
    }
}
