package dev.clianalytics.infer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.config.YamlFiles;
import dev.clianalytics.infer.WorkflowConfig.WorkflowName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a workflows YAML file (the shape of workflows/defaults.yaml). Keys it gives replace the
 * defaults; {@code posthog:} and {@code segment:} belong to the ingest format readers and are
 * skipped here. Any other key, a wrong type or malformed YAML is an error naming the file, the
 * line and the key. Values are never quoted in messages.
 */
public final class WorkflowConfigLoader {
    static final String DEFAULTS = "workflows/defaults.yaml";
    private static final Set<String> FOREIGN_SECTIONS = Set.of("posthog", "segment");
    private static final String KNOWN_KEYS = "entry_commands, terminal_commands, workflow_names, posthog or segment";
    /** A command path element that survives sanitization (SPEC §4.1), compared lower-case. */
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final String kind;
    private final String fileName;
    private final JsonParser parser;
    /** Put before key names in messages: "workflows." inside a settings file, else "". */
    private final String prefix;

    private WorkflowConfigLoader(String kind, String fileName, JsonParser parser, String prefix) {
        this.kind = kind;
        this.fileName = fileName;
        this.parser = parser;
        this.prefix = prefix;
    }

    /** The shipped defaults. */
    static WorkflowConfig defaults() {
        try (InputStream in = WorkflowConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + DEFAULTS);
            }
            return parse(DEFAULTS, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    /** Reads {@code file} over the shipped defaults. */
    public static WorkflowConfig load(Path file) {
        return parse(file.toString(), YamlFiles.bytes(file), defaults());
    }

    static WorkflowConfig parse(String fileName, byte[] yaml, WorkflowConfig base) {
        return YamlFiles.parse(fileName, yaml, p -> new WorkflowConfigLoader(YamlFiles.WORKFLOWS, fileName, p, "").document(base));
    }

    /**
     * The {@code workflows:} mapping written inline in a settings file, over the shipped defaults:
     * {@code parser} is at the mapping's start and is left at its end.
     */
    static WorkflowConfig inline(String settingsFile, JsonParser parser) throws IOException {
        WorkflowConfigLoader loader = new WorkflowConfigLoader(YamlFiles.SETTINGS, settingsFile, parser, "workflows.");
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw loader.error(parser.currentTokenLocation(), "workflows must be a mapping with the keys " + KNOWN_KEYS
                    + ", or the path of a workflows file");
        }
        return loader.mapping(defaults());
    }

    /** The settings an infer run stored (infer_runs.workflows_config: JSON, the keys of the file). */
    static WorkflowConfig saved(String json) {
        String name = "infer_runs.workflows_config";
        try (JsonParser p = new JsonFactory().createParser(json)) {
            return new WorkflowConfigLoader("saved settings", name, p, "").document(defaults());
        } catch (IOException e) {
            throw new CliAnalyticsException("the settings saved by the last infer (" + name + ") cannot be read: "
                    + e.getClass().getSimpleName() + "; run infer with --defaults or with your options");
        }
    }

    private WorkflowConfig document(WorkflowConfig base) throws IOException {
        JsonToken token = parser.nextToken();
        WorkflowConfig config = base;
        if (token != null && token != JsonToken.VALUE_NULL) {
            if (token != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(), "the file must be a mapping with the keys " + KNOWN_KEYS);
            }
            config = mapping(base);
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "only one YAML document is allowed");
            }
        }
        if (config == null) {
            throw new IllegalStateException(fileName + " must give entry_commands, terminal_commands and workflow_names");
        }
        return config;
    }

    /** The keys of a mapping (the parser at its start) over {@code base}; the parser ends at its end. */
    private WorkflowConfig mapping(WorkflowConfig base) throws IOException {
        List<String> entry = base == null ? null : base.entryCommands();
        List<String> terminal = base == null ? null : base.terminalCommands();
        List<WorkflowName> names = base == null ? null : base.workflowNames();
        List<Integer> nameLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            if (!seen.add(key)) {
                throw error(at, "key '" + prefix + key + "' appears twice");
            }
            parser.nextToken();
            switch (key) {
                case "entry_commands" -> entry = commands(prefix + key);
                case "terminal_commands" -> terminal = commands(prefix + key);
                case "workflow_names" -> names = workflowNames(prefix + key, nameLines);
                default -> {
                    if (!FOREIGN_SECTIONS.contains(key)) {
                        throw error(at, "unknown key '" + prefix + key + "' (expected " + KNOWN_KEYS + ")");
                    }
                    parser.skipChildren();
                }
            }
        }
        if (entry == null || terminal == null || names == null) {
            throw new IllegalStateException(fileName + " must give entry_commands, terminal_commands and workflow_names");
        }
        checkNames(names, nameLines, terminal);
        return new WorkflowConfig(entry, terminal, names);
    }

    private List<String> commands(String key) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(parser.currentTokenLocation(), key + " must be a list of command names, e.g. [init, login]");
        }
        Set<String> commands = new LinkedHashSet<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String value = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
            if (value == null || !COMMAND.matcher(value).matches()) {
                throw error(parser.currentTokenLocation(), key + "[" + index + "] must be a command name"
                        + " (a letter, then letters, digits, '-' or '_', at most 64)");
            }
            commands.add(value.toLowerCase(Locale.ROOT));
            index++;
        }
        return List.copyOf(commands);
    }

    private List<WorkflowName> workflowNames(String key, List<Integer> lines) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(parser.currentTokenLocation(), key + " must be a list of {tool, terminal, name} mappings");
        }
        List<WorkflowName> names = new ArrayList<>();
        lines.clear();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String item = key + "[" + index + "]";
            JsonLocation at = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw error(at, item + " must be a mapping with tool, terminal and name");
            }
            Map<String, String> fields = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonLocation fieldAt = parser.currentTokenLocation();
                if (!Set.of("tool", "terminal", "name").contains(field)) {
                    throw error(fieldAt, "unknown key '" + item + "." + field + "' (expected tool, terminal or name)");
                }
                if (fields.containsKey(field)) {
                    throw error(fieldAt, "key '" + item + "." + field + "' appears twice");
                }
                JsonToken value = parser.nextToken();
                Pattern pattern = field.equals("tool") ? TOOL : field.equals("terminal") ? COMMAND : NAME;
                if (value != JsonToken.VALUE_STRING || !pattern.matcher(parser.getText()).matches()) {
                    throw error(parser.currentTokenLocation(), item + "." + field + " must be "
                            + switch (field) {
                                case "tool" -> "a tool name (letters, digits, '-' or '_')";
                                case "terminal" -> "a command name (a letter, then letters, digits, '-' or '_')";
                                default -> "a workflow name (letters, digits, '.', '-' or '_', at most 128)";
                            });
                }
                fields.put(field, parser.getText());
            }
            for (String required : List.of("tool", "terminal", "name")) {
                if (!fields.containsKey(required)) {
                    throw error(at, item + " lacks the key '" + required + "'");
                }
            }
            names.add(new WorkflowName(fields.get("tool"), fields.get("terminal").toLowerCase(Locale.ROOT), fields.get("name")));
            lines.add(at.getLineNr());
            index++;
        }
        return List.copyOf(names);
    }

    private void checkNames(List<WorkflowName> names, List<Integer> lines, List<String> terminal) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            WorkflowName w = names.get(i);
            String where = kind + " " + fileName + (lines.isEmpty() ? "" : ", line " + lines.get(i));
            if (!terminal.contains(w.terminal())) {
                throw new CliAnalyticsException(where + ": " + prefix + "workflow_names[" + i + "].terminal is not one of"
                        + " terminal_commands, so the name could never apply");
            }
            if (!pairs.add(w.tool().toLowerCase(Locale.ROOT) + "\0" + w.terminal())) {
                throw new CliAnalyticsException(where + ": " + prefix + "workflow_names[" + i + "] names the same tool and"
                        + " terminal command as an earlier entry");
            }
        }
    }

    private CliAnalyticsException error(JsonLocation at, String message) {
        return YamlFiles.error(kind, fileName, at, message);
    }
}
