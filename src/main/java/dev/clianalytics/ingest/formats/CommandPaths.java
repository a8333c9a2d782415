package dev.clianalytics.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds a §3 command path from a foreign command name: the tool first, then the parts. */
final class CommandPaths {
    private static final Pattern WORDS = Pattern.compile("[\\s.]+");

    private CommandPaths() {}

    /** Splits on {@code separator} (literal; blank parts dropped) and prepends the tool. */
    static List<String> fromName(String tool, String name, String separator) {
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        for (int at; (at = name.indexOf(separator, from)) >= 0; from = at + separator.length()) {
            parts.add(name.substring(from, at));
        }
        parts.add(name.substring(from));
        return withTool(tool, parts);
    }

    /** Splits a Segment command string on spaces or dots. */
    static List<String> fromWords(String tool, String command) {
        return withTool(tool, List.of(WORDS.split(command.trim())));
    }

    /** The tool is prepended unless the first part already names it; blank parts are dropped. */
    static List<String> withTool(String tool, List<String> parts) {
        List<String> path = new ArrayList<>(parts.size() + 1);
        for (String p : parts) {
            if (!p.isBlank()) {
                path.add(p.trim());
            }
        }
        if (path.isEmpty()) {
            throw new Rejected("empty_command_path");
        }
        if (!path.get(0).equalsIgnoreCase(tool)) {
            path.add(0, tool);
        }
        return List.copyOf(path);
    }
}
