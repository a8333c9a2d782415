package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flags of a foreign event as native flags_present (SPEC §3): CLIs built on cobra or similar send
 * flag names without their dashes ({@code ["query", "file"]}); such a bare name gets them back
 * ({@code --query}, and {@code -q} for a single letter) so that the native rules keep or drop it like
 * any flag (SPEC §4.1). An object of flags ({@code {"query": "x"}}) gives its keys; values are never read.
 */
final class FlagNames {
    // a name that could be a flag's, with an optional value after '=' or ':'
    private static final Pattern BARE = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:[=:].*)?", Pattern.DOTALL);

    private FlagNames() {}

    /** The flags of {@code field}: an array of strings or an object; null when absent. */
    static List<String> of(EventView.Field field) {
        JsonNode v = field.value();
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isObject()) {
            for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
                out.add(dashed(names.next()));
            }
            return out;
        }
        for (String s : field.strings()) {
            out.add(dashed(s));
        }
        return out;
    }

    /** A bare flag name with its dashes; anything else as it was (the native rules judge it). */
    static String dashed(String flag) {
        if (!flag.isEmpty() && flag.charAt(0) == '-') {
            return flag; // the common case: a flag as typed
        }
        String s = flag.strip();
        Matcher m = BARE.matcher(s);
        if (!m.matches()) {
            return flag;
        }
        return (m.group(1).length() == 1 ? "-" : "--") + s;
    }
}
