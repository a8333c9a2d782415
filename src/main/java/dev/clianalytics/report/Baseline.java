package dev.clianalytics.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The error types `check --baseline FILE` compares with: every error type of the failed runs of
 * another database, or those a saved report's json names (`report errors`' errors[], `report
 * workflow`'s top_error_types[], the summary's failing_ngrams[] top error types).
 */
public final class Baseline {
    private Baseline() {}

    public static Set<String> errorTypes(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliAnalyticsException("no baseline at " + file + ": pass a database or a saved report's json");
        }
        if (json(file)) {
            return fromJson(file);
        }
        try (Database db = Database.openReadOnly(file, DbSettings.defaults())) {
            return Check.errorTypes(db.connection());
        }
    }

    /** A json file starts with '{' (after blanks); a DuckDB file never does. */
    private static boolean json(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
            return b == '{';
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read baseline " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static Set<String> fromJson(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CliAnalyticsException("baseline " + file + " is not valid json (save one with"
                    + " 'cli-analytics report summary --format json > FILE')");
        }
        Set<String> types = new TreeSet<>();
        collect(root.path("errors"), "error_type", types);
        collect(root.path("top_error_types"), "error_type", types);
        collect(root.path("failing_ngrams"), "top_error_type", types);
        return types;
    }

    private static void collect(JsonNode list, String key, Set<String> into) {
        for (JsonNode row : list) {
            JsonNode v = row.path(key);
            if (v.isTextual()) {
                into.add(v.asText());
            }
        }
    }
}
