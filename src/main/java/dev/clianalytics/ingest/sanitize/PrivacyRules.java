package dev.clianalytics.ingest.sanitize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privacy rules of SPEC §4.1 for the values of a command event (docs/ingest.md, "What is
 * stored"), each written once. Pure functions, thread-safe. The regular expressions were written
 * for RE2 (DuckDB): here {@code \s} is spelled [\t\n\f\r ] and a word boundary is ASCII, as there.
 */
public final class PrivacyRules {
    /** RE2's \s. */
    private static final String S = "\\t\\n\\f\\r ";
    /** RE2's ASCII \b. */
    private static final String B = "(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?![A-Za-z0-9_]))";
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern TOOL_VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
    private static final Pattern COMMAND_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern SECRET_PREFIX = Pattern.compile("^(?:gh[pousr]_|github_pat_|sk-|xox[abposr]-|AKIA|ASIA)");
    private static final Pattern LONG_HEX = Pattern.compile("[0-9A-Fa-f]{32,}");
    private static final Pattern FLAG_NAME = Pattern.compile("^ *(--?[A-Za-z][A-Za-z0-9_-]*) *(?:[=:]|\\z)");
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?i)(?:^|[-_])(?:token|password|passwd|pwd|secret|key|apikey|auth|credentials?|cookie|private)(?:[-_]|\\z)");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+/=-]{23,}");
    private static final String URL_END = "[^" + S + "'\"<>.,;:!?)\\]}]";
    private static final Pattern[] ERROR_PATTERNS = {
        Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://(?:[^" + S + "'\"<>]*" + URL_END + ")?|[A-Za-z0-9._-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+:[^"
                + S + "'\"<>]*" + URL_END),
        Pattern.compile("(^|[" + S + "'\"(\\[=,;])(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(?::[0-9]+)?/(?:[^" + S + "'\"<>]*" + URL_END + ")?"),
        Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
        Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
        Pattern.compile("(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|sk-[A-Za-z0-9_-]{16,}|(?:AKIA|ASIA)[A-Z0-9]{16}"
                + "|xox[abposr]-[A-Za-z0-9-]+)"),
        Pattern.compile("(?:" + B + "[A-Za-z]:\\\\|\\\\\\\\[A-Za-z0-9._$-]+\\\\)[^" + S + "'\"<>|]*"),
        Pattern.compile("(^|[" + S + "'\"(\\[=,;:])(?:~|\\.{1,2})?/[^/" + S + "'\"()\\[\\],;<>:][^" + S + "'\"()\\[\\],;<>:]*"),
        Pattern.compile(B + "(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}" + B),
        Pattern.compile(B + "(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}" + B),
        Pattern.compile(B + "[0-9A-Fa-f]{32,}" + B),
    };
    private static final String[] ERROR_REPLACEMENTS = {
        "<url>", "$1<url>", "<email>", "<token>", "<token>", "<path>", "$1<path>", "<ip>", "<ip>", "<token>",
    };
    static final String REDACTED = "[redacted]";

    private PrivacyRules() {}

    /** Spaces (only spaces, as DuckDB's trim) removed from both ends. */
    static String trimSpaces(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == ' ') {
            b--;
        }
        return s.substring(a, b);
    }

    /** tool_name: [A-Za-z0-9_-]{1,128} after trimming, else "unknown". */
    public static String toolName(String v) {
        String t = v == null ? "" : trimSpaces(v);
        return TOOL_NAME.matcher(t).matches() ? t : "unknown";
    }

    /** tool_version: [A-Za-z0-9._+-]{1,64} after trimming, else null (unknown). */
    public static String toolVersion(String v) {
        String t = v == null ? "" : trimSpaces(v);
        return TOOL_VERSION.matcher(t).matches() ? t : null;
    }

    /** A word with the shape of a secret: a known token prefix, 24+ characters mixing letters and digits, 32+ hex digits. */
    public static boolean looksSecret(String w) {
        int n = w.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (n < 16) {
            return false;
        }
        return SECRET_PREFIX.matcher(w).find() || (n >= 24 && hasLetter(w) && hasDigit(w)) || LONG_HEX.matcher(w).matches();
    }

    private static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** command_path: the first 16 elements, each a lower-cased command word or [redacted]. */
    public static List<String> commandPath(List<String> raw) {
        int n = Math.min(16, raw.size());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(commandWord(raw.get(i)));
        }
        return out;
    }

    private static String commandWord(String e) {
        if (isPlainWord(e)) {
            return e; // the common case: already a short lower-case word
        }
        String t = trimSpaces(e);
        return COMMAND_WORD.matcher(t).matches() && !looksSecret(t) ? t.toLowerCase(Locale.ROOT) : REDACTED;
    }

    /** A lower-case command word under 16 characters, kept as it is. */
    private static boolean isPlainWord(String e) {
        int n = e.length();
        if (n == 0 || n > 15 || e.charAt(0) < 'a' || e.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = e.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A flag's name before any '=' or ':', when well formed; "" when not. */
    public static String flagName(String f) {
        Matcher m = FLAG_NAME.matcher(f);
        return m.find() ? m.group(1) : "";
    }

    /** What became of a list of flags: the names kept, and how many were dropped, of which malformed. */
    public record Flags(List<String> names, int dropped, int malformed) {}

    /** flags_present: names only; sensitive, malformed and secret-shaped names dropped; first of each; at most 32. */
    public static Flags flags(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return new Flags(List.of(), 0, 0);
        }
        List<String> kept = new ArrayList<>(raw.size());
        int malformed = 0;
        for (String f : raw) {
            String n = flagName(f);
            if (n.isEmpty()) {
                malformed++;
            } else if (!SENSITIVE.matcher(n).find() && !looksSecret(stripDashes(n))) {
                kept.add(n);
            }
        }
        int dropped = raw.size() - kept.size();
        List<String> names = kept.size() <= 1 ? kept : new ArrayList<>(new LinkedHashSet<>(kept));
        if (names.size() > 32) {
            names = names.subList(0, 32);
        }
        return new Flags(names, dropped, dropped > 0 ? malformed : 0);
    }

    private static String stripDashes(String n) {
        int i = 0;
        while (i < n.length() && n.charAt(i) == '-') {
            i++;
        }
        return n.substring(i);
    }

    /** error_type: URLs, e-mails, tokens, paths, IPs, long hex and opaque tokens become placeholders; at most 256 characters. */
    public static String errorType(String s) {
        if (s == null) {
            return null;
        }
        String r = s;
        for (int i = 0; i < ERROR_PATTERNS.length; i++) {
            if (mayMatch(i, r)) {
                r = ERROR_PATTERNS[i].matcher(r).replaceAll(ERROR_REPLACEMENTS[i]);
            }
        }
        r = redactOpaque(r);
        return r.codePointCount(0, r.length()) <= 256 ? r : r.substring(0, r.offsetByCodePoints(0, 256));
    }

    /** A cheap test that skips patterns that cannot match (most messages hold no URL, path or address). */
    private static boolean mayMatch(int pattern, String r) {
        return switch (pattern) {
            case 0 -> r.indexOf("://") >= 0 || r.indexOf('@') >= 0;
            case 1, 6 -> r.indexOf('/') >= 0;
            case 2 -> r.indexOf('@') >= 0;
            case 3 -> r.indexOf("eyJ") >= 0;
            case 5 -> r.indexOf('\\') >= 0;
            case 7 -> r.indexOf('.') >= 0;
            case 8 -> r.indexOf(':') >= 0;
            default -> true;
        };
    }

    /** Runs of 24+ token characters mixing letters and digits, each replaced wherever it occurs. */
    private static String redactOpaque(String s) {
        Matcher m = OPAQUE.matcher(s);
        List<String> tokens = null;
        while (m.find()) {
            String t = m.group();
            if (hasLetter(t) && hasDigit(t)) {
                if (tokens == null) {
                    tokens = new ArrayList<>();
                }
                tokens.add(t);
            }
        }
        if (tokens == null) {
            return s;
        }
        String acc = s;
        for (String t : tokens) {
            acc = acc.replace(t, "<token>");
        }
        return acc;
    }
}
