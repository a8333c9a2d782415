package dev.clianalytics.infer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.config.Durations;
import dev.clianalytics.config.YamlFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a funnels YAML file (the shape of funnels/defaults.yaml): a funnel it names replaces the
 * built-in one of that name, the others are added after the built-in ones. An unknown key, a wrong
 * type, a step with neither event nor command, a window that is not a positive duration or
 * malformed YAML is an error naming the file, the line and the key (exit 2, before anything is written).
 */
public final class FunnelConfigLoader {
    static final String DEFAULTS = "funnels/defaults.yaml";
    public static final String KIND = "funnels file";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z$][A-Za-z0-9 _.:$-]{0,127}");
    private static final String FUNNEL_KEYS = "name, steps, failure_events, window or breakdown";

    private final String kind;
    private final String fileName;
    private final JsonParser parser;
    /** Reading what an infer stored: funnels carry their builtin flag. */
    private final boolean saved;

    private FunnelConfigLoader(String kind, String fileName, JsonParser parser, boolean saved) {
        this.kind = kind;
        this.fileName = fileName;
        this.parser = parser;
        this.saved = saved;
    }

    static FunnelConfig defaults() {
        try (InputStream in = FunnelConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + DEFAULTS);
            }
            List<FunnelConfig.Funnel> funnels = YamlFiles.parse(KIND, DEFAULTS, in.readAllBytes(),
                    p -> new FunnelConfigLoader(KIND, DEFAULTS, p, false).document());
            return new FunnelConfig(funnels.stream().map(f -> new FunnelConfig.Funnel(f.name(), f.steps(),
                    f.failureEvents(), f.window(), f.breakdown(), true)).toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    /** Reads {@code file} over the built-in funnels. */
    public static FunnelConfig load(Path file) {
        String name = file.toString();
        return overDefaults(YamlFiles.parse(KIND, name, YamlFiles.bytes(KIND, file),
                p -> new FunnelConfigLoader(KIND, name, p, false).document()));
    }

    /**
     * The list of funnels at the parser's current token (the value of {@code funnels:} in the
     * settings file, cli-analytics.yaml), over the built-in funnels; errors name that file.
     */
    static FunnelConfig inline(String settingsFile, JsonParser parser) throws IOException {
        return overDefaults(new FunnelConfigLoader(YamlFiles.SETTINGS, settingsFile, parser, false).list());
    }

    private static FunnelConfig overDefaults(List<FunnelConfig.Funnel> given) {
        Map<String, FunnelConfig.Funnel> all = new LinkedHashMap<>();
        defaults().funnels().forEach(f -> all.put(f.name(), f));
        given.forEach(f -> all.put(f.name(), f));
        return new FunnelConfig(List.copyOf(all.values()));
    }

    /** The funnels an infer run stored (infer_runs.funnels_config). */
    static FunnelConfig saved(String json) {
        String name = "infer_runs.funnels_config";
        try (JsonParser p = new JsonFactory().createParser(json)) {
            return new FunnelConfig(new FunnelConfigLoader("saved settings", name, p, true).document());
        } catch (IOException e) {
            throw new CliAnalyticsException("the funnels saved by the last infer (" + name + ") cannot be read: "
                    + e.getClass().getSimpleName() + "; run infer with --defaults or with --funnels FILE");
        }
    }

    private List<FunnelConfig.Funnel> document() throws IOException {
        JsonToken token = parser.nextToken();
        List<FunnelConfig.Funnel> funnels = new ArrayList<>();
        if (token == null || token == JsonToken.VALUE_NULL) {
            return funnels;
        }
        if (token != JsonToken.START_OBJECT) {
            throw error(parser.currentTokenLocation(), "the file must be a mapping with the key funnels");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            if (!key.equals("funnels")) {
                throw error(at, "unknown key '" + key + "' (expected funnels)");
            }
            parser.nextToken();
            funnels.addAll(list());
        }
        if (parser.nextToken() != null) {
            throw error(parser.currentTokenLocation(), "only one YAML document is allowed");
        }
        return funnels;
    }

    /** The list of funnels at the current token. */
    private List<FunnelConfig.Funnel> list() throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(at, "funnels must be a list of funnels ({name, steps, ...})");
        }
        List<FunnelConfig.Funnel> funnels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            FunnelConfig.Funnel f = funnel("funnels[" + index + "]");
            if (!names.add(f.name())) {
                throw error(at, "funnels[" + index + "].name: the name " + f.name() + " is given twice");
            }
            funnels.add(f);
            index++;
        }
        return funnels;
    }

    private FunnelConfig.Funnel funnel(String item) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(at, item + " must be a mapping with the keys " + FUNNEL_KEYS);
        }
        String name = null;
        List<FunnelConfig.Step> steps = null;
        List<String> failures = List.of();
        Duration window = FunnelConfig.DEFAULT_WINDOW;
        String breakdown = null;
        boolean builtin = false;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String path = item + "." + key;
            if (!seen.add(key)) {
                throw error(keyAt, "key '" + path + "' appears twice");
            }
            parser.nextToken();
            switch (key) {
                case "name" -> name = text(path, NAME, "a funnel name (letters, digits, '.', '-' or '_', at most 128)");
                case "steps" -> steps = steps(path);
                case "failure_events" -> failures = events(path);
                case "window" -> window = window(path);
                case "breakdown" -> breakdown = text(path, PROPERTY, "a property name (a letter, then letters, digits or '_')");
                case "builtin" -> {
                    if (!saved) {
                        throw error(keyAt, "unknown key '" + path + "' (expected " + FUNNEL_KEYS + ")");
                    }
                    builtin = parser.getBooleanValue();
                }
                default -> throw error(keyAt, "unknown key '" + path + "' (expected " + FUNNEL_KEYS + ")");
            }
        }
        if (name == null) {
            throw error(at, item + " lacks the key 'name'");
        }
        if (steps == null) {
            throw error(at, item + " lacks the key 'steps'");
        }
        return new FunnelConfig.Funnel(name, steps, failures, window, breakdown, builtin);
    }

    private List<FunnelConfig.Step> steps(String key) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(parser.currentTokenLocation(), key + " must be a list of steps ({event: NAME} or {command: [tool, ...]})");
        }
        JsonLocation listAt = parser.currentTokenLocation();
        List<FunnelConfig.Step> steps = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            steps.add(step(key + "[" + steps.size() + "]"));
        }
        if (steps.size() < 2) {
            throw error(listAt, key + " must have at least two steps");
        }
        return steps;
    }

    private FunnelConfig.Step step(String item) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(at, item + " must be a mapping with event or command");
        }
        String name = null;
        String event = null;
        List<String> command = null;
        String outcome = null;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String path = item + "." + key;
            if (!seen.add(key)) {
                throw error(keyAt, "key '" + path + "' appears twice");
            }
            parser.nextToken();
            switch (key) {
                case "name" -> name = text(path, NAME, "a step name (letters, digits, '.', '-' or '_', at most 128)");
                case "event" -> event = text(path, EVENT, "an event name such as CLI Auth Started");
                case "command" -> command = command(path);
                case "outcome" -> {
                    outcome = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText().toLowerCase(Locale.ROOT) : "";
                    if (!outcome.equals("success") && !outcome.equals("failure")) {
                        throw error(parser.currentTokenLocation(), path + " must be success or failure");
                    }
                }
                default -> throw error(keyAt, "unknown key '" + path + "' (expected event, command, outcome or name)");
            }
        }
        if (event == null && command == null) {
            throw error(at, item + " has neither 'event' nor 'command'");
        }
        if (event != null && command != null) {
            throw error(at, item + " has both 'event' and 'command': give one");
        }
        if (outcome != null && command == null) {
            throw error(at, item + ".outcome applies to command steps only");
        }
        return new FunnelConfig.Step(name, event, command, outcome);
    }

    private List<String> command(String key) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(parser.currentTokenLocation(), key + " must be a list of words, the tool first, e.g. [terraform, apply]");
        }
        List<String> words = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Pattern p = words.isEmpty() ? TOOL : COMMAND;
            String value = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
            if (value == null || !p.matcher(value).matches()) {
                throw error(parser.currentTokenLocation(), key + "[" + words.size() + "] must be "
                        + (words.isEmpty() ? "a tool name" : "a command word (a letter, then letters, digits, '-' or '_')"));
            }
            words.add(value.toLowerCase(Locale.ROOT));
        }
        if (words.isEmpty()) {
            throw error(parser.currentTokenLocation(), key + " must name at least the tool");
        }
        return words;
    }

    private List<String> events(String key) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(parser.currentTokenLocation(), key + " must be a list of event names");
        }
        List<String> events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            events.add(text(key + "[" + events.size() + "]", EVENT, "an event name such as CLI Auth Failed"));
        }
        return events;
    }

    private Duration window(String key) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText().strip() : null;
        if (text == null) {
            throw error(at, key + " must be a duration such as 1h, 30m or 1d");
        }
        if (text.startsWith("-")) {
            throw error(at, key + " must be a positive duration, not negative");
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(at, key + " must be a positive duration such as 1h, 30m or 1d");
        }
    }

    private String text(String key, Pattern pattern, String what) throws IOException {
        String value = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        if (value == null || !pattern.matcher(value).matches()) {
            throw error(parser.currentTokenLocation(), key + " must be " + what);
        }
        return value;
    }

    private CliAnalyticsException error(JsonLocation at, String message) {
        return YamlFiles.error(kind, fileName, at, message);
    }
}
