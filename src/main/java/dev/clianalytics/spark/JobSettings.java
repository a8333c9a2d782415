package dev.clianalytics.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inference settings the job applies: infer's built-in ones (docs/infer.md), the session
 * timeout of 30 minutes and the entry and terminal commands of {@code workflows/defaults.yaml},
 * read from the same resource infer reads (the job jar carries it). Only its two flow lists are
 * read here: the job jar has no YAML library, and the resource is ours; a shape this reader does
 * not know fails the job loudly rather than guessing.
 */
record JobSettings(long sessionTimeoutMs, List<String> entryCommands, List<String> terminalCommands) {
    static final String DEFAULTS = "workflows/defaults.yaml";
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    static JobSettings defaults() {
        String yaml;
        try (InputStream in = JobSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the job jar: " + DEFAULTS);
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JobSettings(30L * 60 * 1000, list(yaml, "entry_commands"), list(yaml, "terminal_commands"));
    }

    /** The SQL with the settings written in: ${entry_commands}, ${terminal_commands}, ${session_timeout_us} and _ms, ${workflows_config}. */
    String apply(String sql) {
        return sql.replace("${entry_commands}", sqlList(entryCommands))
                .replace("${terminal_commands}", sqlList(terminalCommands))
                .replace("${session_timeout_us}", Long.toString(sessionTimeoutMs * 1000))
                .replace("${session_timeout_ms}", Long.toString(sessionTimeoutMs))
                .replace("${workflows_config}", workflowsJson());
    }

    /**
     * The settings as infer records them in infer_runs.workflows_config (WorkflowConfig.asMap, compact
     * JSON): the two lists, and no custom names (the built-in settings have none). The commands match
     * infer's command pattern, so they need no escaping.
     */
    String workflowsJson() {
        return "{\"entry_commands\":" + jsonList(entryCommands) + ",\"terminal_commands\":" + jsonList(terminalCommands)
                + ",\"workflow_names\":[]}";
    }

    private static String jsonList(List<String> commands) {
        StringBuilder b = new StringBuilder("[");
        for (String c : commands) {
            b.append(b.length() == 1 ? "" : ",").append('"').append(c).append('"');
        }
        return b.append(']').toString();
    }

    /** The SQL text of a list of commands, for {@code IN (...)}: each matches infer's command pattern. */
    private static String sqlList(List<String> commands) {
        StringBuilder b = new StringBuilder();
        for (String c : commands) {
            b.append(b.length() == 0 ? "" : ", ").append('\'').append(c).append('\'');
        }
        return b.toString();
    }

    private static List<String> list(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s*\\[([^\\]]*)\\]\\s*$").matcher(yaml);
        if (!m.find()) {
            throw new IllegalStateException(DEFAULTS + " has no one-line list " + key + ": [...]");
        }
        List<String> commands = new ArrayList<>();
        for (String c : m.group(1).split(",")) {
            String command = c.strip();
            if (!COMMAND.matcher(command).matches()) {
                throw new IllegalStateException(DEFAULTS + ": " + key + " holds '" + command + "', not a command name");
            }
            commands.add(command);
        }
        return List.copyOf(commands);
    }
}
