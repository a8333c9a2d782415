package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code posthog:} and {@code segment:} sections of the workflows settings file and
 * validates them strictly: an unknown key or a wrong type names the file, line and key. Other
 * top-level keys (entry_commands, workflow_names, …) belong to infer and are skipped here.
 */
public final class FormatConfigLoader {
    private enum Kind { STRING, LIST, PROPERTIES }

    private static final Map<String, Kind> POSTHOG_KEYS = keys(
            "default_tool", Kind.STRING, "command_separator", Kind.STRING,
            "success_events", Kind.LIST, "failure_events", Kind.LIST,
            "alias_events", Kind.LIST, "identify_events", Kind.LIST, "properties", Kind.PROPERTIES);
    private static final Map<String, Kind> SEGMENT_KEYS = keys(
            "default_tool", Kind.STRING, "invoked_events", Kind.LIST, "completed_events", Kind.LIST,
            "failed_events", Kind.LIST, "ignore_events", Kind.LIST, "properties", Kind.PROPERTIES);

    private final String file;
    private final JsonParser parser;

    private FormatConfigLoader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The settings of {@code file}; defaults for every key it does not set. */
    public static FormatConfig load(Path file) {
        try (Reader reader = Files.newBufferedReader(file);
                JsonParser parser = new YAMLFactory().createParser(reader)) {
            return new FormatConfigLoader(file.toString(), parser).read();
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
    }

    private FormatConfig read() throws IOException {
        FormatConfig config = FormatConfig.defaults();
        JsonToken t = parser.nextToken();
        if (t == null) {
            return config;
        }
        if (t != JsonToken.START_OBJECT) {
            throw error("the settings file must be a mapping of keys");
        }
        Map<String, Object> posthog = null;
        Map<String, Object> segment = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            if (key.equals("posthog")) {
                posthog = section("posthog", POSTHOG_KEYS);
            } else if (key.equals("segment")) {
                segment = section("segment", SEGMENT_KEYS);
            } else {
                parser.skipChildren();
            }
        }
        return new FormatConfig(posthog(config.posthog(), posthog), segment(config.segment(), segment));
    }

    private Map<String, Object> section(String name, Map<String, Kind> known) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return values;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(name + ": expected a mapping of keys");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String qualified = name + "." + key;
            Kind kind = known.get(key);
            if (kind == null) {
                throw error(qualified + ": unknown key (known keys: " + String.join(", ", known.keySet()) + ")");
            }
            if (values.containsKey(key)) {
                throw error(qualified + ": key given twice");
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

    private String string(String key) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isEmpty()) {
            throw error(key + ": expected a non-empty string");
        }
        return parser.getText();
    }

    private List<String> list(String key, boolean scalarAllowed) throws IOException {
        if (scalarAllowed && parser.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(string(key));
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(key + ": expected a list of strings" + (scalarAllowed ? " or a string" : ""));
        }
        List<String> out = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isEmpty()) {
                throw error(key + ": expected a list of non-empty strings");
            }
            out.add(parser.getText());
        }
        return List.copyOf(out);
    }

    private Map<String, List<String>> properties(String key, Set<String> known) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(key + ": expected a mapping of field names to property names");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!known.contains(field)) {
                throw error(key + "." + field + ": unknown key (known keys: " + String.join(", ", known) + ")");
            }
            parser.nextToken();
            List<String> names = list(key + "." + field, true);
            if (names.isEmpty()) {
                throw error(key + "." + field + ": expected at least one property name");
            }
            out.put(field, names);
        }
        return out;
    }

    private CliAnalyticsException error(String message) {
        return new CliAnalyticsException(file + ":" + parser.currentTokenLocation().getLineNr() + ": " + message);
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
