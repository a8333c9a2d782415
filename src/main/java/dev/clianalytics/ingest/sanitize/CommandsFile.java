package dev.clianalytics.ingest.sanitize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ingest --commands FILE: a tool's command tree, one command path per line ("kubectl get pods
 * --namespace"); '#' starts a comment. Every word of a listed path, and every flag name, is a known
 * word (docs/ingest.md, "Rare words held back"). Returns null for an error message naming the line.
 */
public final class CommandsFile {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern FLAG = Pattern.compile("--?[A-Za-z][A-Za-z0-9_-]*");

    private CommandsFile() {}

    /** The known words of {@code file}; throws IllegalArgumentException with "FILE:LINE: why". */
    public static Set<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read --commands file " + file + ": " + e.getMessage());
        }
        Set<String> words = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            for (String w : text.split("[ \t]+")) {
                String flag = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                if (FLAG.matcher(flag).matches()) {
                    words.add(flag);
                } else if (WORD.matcher(w).matches()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                } else {
                    throw new IllegalArgumentException("--commands file " + file + ":" + (i + 1) + ": '" + w
                            + "' is neither a command word (a letter, then letters, digits, - or _) nor a flag name");
                }
            }
        }
        return words;
    }
}
