package dev.clianalytics.sql;

import dev.clianalytics.OwnResources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads SQL from classpath resources under /sql or /db; a missing file is a loud failure. */
public final class SqlResources {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResources() {}

    /** The text of a resource such as {@code sql/marts/sessions.sql}. */
    public static String load(String path) {
        return CACHE.computeIfAbsent(path, SqlResources::read);
    }

    /** The lines of a plain-text index resource, without blanks and # comments. */
    public static List<String> lines(String path) {
        return load(path).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Splits a script into statements at semicolons that end a line (no semicolons inside literals at line end). */
    public static List<String> statements(String script) {
        return List.of(script.split(";\\s*(\\n|$)")).stream()
                .map(SqlResources::stripComments)
                .filter(s -> !s.isBlank())
                .toList();
    }

    private static String stripComments(String sql) {
        return sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
    }

    private static String read(String path) {
        byte[] bytes = OwnResources.read(path);
        if (bytes == null) {
            throw new IllegalStateException("SQL resource missing from the build: " + path);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
