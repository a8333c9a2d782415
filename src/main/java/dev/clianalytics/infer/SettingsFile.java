package dev.clianalytics.infer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.config.Durations;
import dev.clianalytics.config.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code cli-analytics.yaml} in the database's directory: a project's infer settings, written once
 * and read by every infer (and every report that brings the tables up to date). Keys:
 * {@code session_timeout} and {@code workflows} (a mapping shaped like the workflows file, or the
 * path of one, relative to this file), {@code funnels} (a list shaped like the funnels file's
 * {@code funnels:}, or the path of a funnels file); {@code privacy} is reserved for later and
 * ignored. Any other key is an error naming the file, the line and the key.
 *
 * @param sessionTimeout null when the file does not set it
 * @param workflows null when the file does not set them
 * @param workflowsName what infer_runs.workflows_file records: the named file's base name, or this file's for a mapping
 * @param funnels null when the file does not set them
 * @param funnelsName what infer_runs.funnels_file records, as for workflows
 */
public record SettingsFile(Path file, Duration sessionTimeout, WorkflowConfig workflows, String workflowsName,
        FunnelConfig funnels, String funnelsName) {
    public static final String NAME = "cli-analytics.yaml";
    private static final Set<String> RESERVED = Set.of("privacy");
    private static final String KNOWN = "session_timeout, workflows or funnels; privacy is reserved";

    /** Where the settings file of {@code db} is: beside it. */
    public static Path beside(Path db) {
        return db.resolveSibling(NAME);
    }

    /** The settings file beside {@code db}, or null when there is none. */
    public static SettingsFile read(Path db) {
        Path file = beside(db);
        return Files.exists(file) ? of(file) : null;
    }

    /** The settings file {@code file} (the Spark job's --settings); errors name it, its line and key. */
    public static SettingsFile of(Path file) {
        byte[] yaml = YamlFiles.bytes(YamlFiles.SETTINGS, file);
        return YamlFiles.parse(YamlFiles.SETTINGS, file.toString(), yaml, p -> new Reader(file, p).document());
    }

    /** Whether the file sets anything infer uses. */
    public boolean isEmpty() {
        return sessionTimeout == null && workflows == null && funnels == null;
    }

    private record Reader(Path file, JsonParser parser) {
        SettingsFile document() throws IOException {
            JsonToken token = parser.nextToken();
            Duration timeout = null;
            WorkflowConfig workflows = null;
            String workflowsName = null;
            FunnelConfig funnels = null;
            String funnelsName = null;
            if (token == null || token == JsonToken.VALUE_NULL) {
                return new SettingsFile(file, null, null, null, null, null);
            }
            if (token != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(), "the file must be a mapping with the keys " + KNOWN);
            }
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                if (!seen.add(key)) {
                    throw error(at, "key '" + key + "' appears twice");
                }
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "session_timeout" -> timeout = timeout(value);
                    case "workflows" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            Path named = namedFile("workflows", parser.getText(), parser.currentTokenLocation());
                            workflows = WorkflowConfigLoader.load(named);
                            workflowsName = String.valueOf(named.getFileName());
                        } else if (value != JsonToken.VALUE_NULL) {
                            workflows = WorkflowConfigLoader.inline(file.toString(), parser);
                            workflowsName = NAME;
                        }
                    }
                    case "funnels" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            Path named = namedFile("funnels", parser.getText(), parser.currentTokenLocation());
                            funnels = FunnelConfigLoader.load(named);
                            funnelsName = String.valueOf(named.getFileName());
                        } else if (value != JsonToken.VALUE_NULL) {
                            funnels = FunnelConfigLoader.inline(file.toString(), parser);
                            funnelsName = NAME;
                        }
                    }
                    default -> {
                        if (!RESERVED.contains(key)) {
                            throw error(at, "unknown key '" + key + "' (expected " + KNOWN + ")");
                        }
                        parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "only one YAML document is allowed");
            }
            return new SettingsFile(file, timeout, workflows, workflowsName, funnels, funnelsName);
        }

        private Duration timeout(JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            JsonLocation at = parser.currentTokenLocation();
            String problem = "session_timeout must be a positive duration with a unit, e.g. 30m, 1h, 90s or 1h30m";
            if (value != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                throw error(at, problem);
            }
            try {
                return Durations.parse(parser.getText());
            } catch (IllegalArgumentException e) {
                throw error(at, problem);
            }
        }

        /** The workflows or funnels file a path names, relative to this file's directory. */
        private Path namedFile(String key, String text, JsonLocation at) {
            Path named;
            try {
                named = file.resolveSibling(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw error(at, key + " must be the path of a " + key + " file or "
                        + (key.equals("funnels") ? "a list of funnels" : "a mapping"));
            }
            if (!Files.isRegularFile(named)) {
                throw error(at, key + " names the file " + named + ", which does not exist"
                        + " (a path is relative to the settings file)");
            }
            return named;
        }

        private CliAnalyticsException error(JsonLocation at, String message) {
            return YamlFiles.error(YamlFiles.SETTINGS, file.toString(), at, message);
        }
    }
}
