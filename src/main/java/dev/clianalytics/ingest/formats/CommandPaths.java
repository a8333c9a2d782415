package dev.clianalytics.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a §3 command path from a foreign command name: the tool first, then the parts up to the
 * first flag. A command sent as typed ({@code deploy --env prod --token abc}) keeps only
 * {@code deploy}: the words from the first one starting with '-' on are flags and their values,
 * never part of the path; the flags among them are returned (their names are kept later, §4.1).
 */
final class CommandPaths {
    private static final Pattern WORDS = Pattern.compile("[\\s.]+");

    /** The path (tool first) and the flags that followed it in the command, if any. */
    record Command(List<String> path, List<String> flags) {}

    private CommandPaths() {}

    /** Splits on {@code separator} (literal; blank parts dropped) and prepends the tool. */
    static Command fromName(String tool, String name, String separator) {
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        for (int at; (at = name.indexOf(separator, from)) >= 0; from = at + separator.length()) {
            parts.add(name.substring(from, at));
        }
        parts.add(name.substring(from));
        return withTool(tool, parts);
    }

    /** Splits a Segment command string on spaces or dots. */
    static Command fromWords(String tool, String command) {
        return withTool(tool, List.of(WORDS.split(command.trim())));
    }

    /**
     * The tool is prepended unless the first part already names it; blank parts are dropped; the path
     * ends before the first part that starts with '-'. Nothing but blanks is an empty command path.
     */
    static Command withTool(String tool, List<String> parts) {
        List<String> path = new ArrayList<>(parts.size() + 1);
        List<String> flags = new ArrayList<>();
        boolean any = false;
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            any = true;
            String word = p.trim();
            if (word.startsWith("-") || !flags.isEmpty()) {
                if (word.startsWith("-")) {
                    flags.add(word);
                }
            } else {
                path.add(word);
            }
        }
        if (!any) {
            throw new Rejected("empty_command_path");
        }
        if (path.isEmpty() || !path.get(0).equalsIgnoreCase(tool)) {
            path.add(0, tool);
        }
        return new Command(List.copyOf(path), List.copyOf(flags));
    }
}
