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
    private static final Pattern SECRET_PREFIX = Pattern.compile("^(?:gh[pousr]_|github_pat_|sk-|xox[abposr]-|AKIA|ASIA)");
    private static final Pattern LONG_HEX = Pattern.compile("[0-9A-Fa-f]{32,}");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+/=-]{23,}");
    /** The rest of a token once its known shape matched: no fragment of a secret may survive the replacement. */
    private static final String TOKEN_TAIL = "[A-Za-z0-9_+/=-]*";
    private static final String URL_END = "[^" + S + "'\"<>.,;:!?)\\]}]";
    private static final Pattern[] ERROR_PATTERNS = {
        Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://(?:[^" + S + "'\"<>]*" + URL_END + ")?|[A-Za-z0-9._-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+:[^"
                + S + "'\"<>]*" + URL_END),
        Pattern.compile("(^|[" + S + "'\"(\\[=,;])(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(?::[0-9]+)?/(?:[^" + S + "'\"<>]*" + URL_END + ")?"),
        Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
        Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*" + TOKEN_TAIL),
        Pattern.compile("(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|sk-[A-Za-z0-9_-]{16,}|(?:AKIA|ASIA)[A-Z0-9]{16}"
                + "|xox[abposr]-[A-Za-z0-9-]+)" + TOKEN_TAIL),
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
        return allOf(t, 128, "_-") ? t : "unknown";
    }

    /** tool_version: [A-Za-z0-9._+-]{1,64} after trimming, else null (unknown). */
    public static String toolVersion(String v) {
        String t = v == null ? "" : trimSpaces(v);
        return allOf(t, 64, "._+-") ? t : null;
    }

    /** 1 to {@code max} characters, each an ASCII letter, a digit or one of {@code extra} (a loop: a regex per value cost more). */
    private static boolean allOf(String t, int max, String extra) {
        int n = t.length();
        if (n == 0 || n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** A word with the shape of a secret: a known token prefix, 24+ characters mixing letters and digits, 32+ hex digits. */
    public static boolean looksSecret(String w) {
        int n = utf8Length(w);
        if (n < 16) {
            return false;
        }
        return SECRET_PREFIX.matcher(w).find() || (n >= 24 && hasLetter(w) && hasDigit(w)) || LONG_HEX.matcher(w).matches();
    }

    private static int utf8Length(String w) {
        int n = w.length();
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= 0x80) {
                return w.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return n;
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
        return !t.isEmpty() && isAsciiLetter(t.charAt(0)) && allOf(t, 64, "_-") && !looksSecret(t)
                ? t.toLowerCase(Locale.ROOT) : REDACTED;
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
        int n = f.length();
        int i = 0;
        while (i < n && f.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        if (i < n && f.charAt(i) == '-') {
            i++;
        } else {
            return "";
        }
        if (i < n && f.charAt(i) == '-') {
            i++;
        }
        if (i >= n || !isAsciiLetter(f.charAt(i))) {
            return "";
        }
        while (i < n && (isAsciiLetter(f.charAt(i)) || (f.charAt(i) >= '0' && f.charAt(i) <= '9') || f.charAt(i) == '_'
                || f.charAt(i) == '-')) {
            i++;
        }
        int end = i;
        while (i < n && f.charAt(i) == ' ') {
            i++;
        }
        return i == n || f.charAt(i) == '=' || f.charAt(i) == ':' ? f.substring(start, end) : "";
    }

    private static final java.util.Set<String> SENSITIVE_WORDS = java.util.Set.of("token", "password", "passwd", "pwd",
            "secret", "key", "apikey", "auth", "credential", "credentials", "cookie", "private");

    /** Any word of the name (split on - and _), in any case, names a secret. */
    static boolean sensitive(String name) {
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '-' || name.charAt(i) == '_') {
                if (i - start >= 3 && i - start <= 11 && SENSITIVE_WORDS.contains(name.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /**
     * What became of a list of flags: the names kept, how many were dropped, of which malformed, and
     * how many well-formed flags carried a value (never kept; counted for the privacy ledger).
     */
    public record Flags(List<String> names, int dropped, int malformed, int values) {}

    /** flags_present: names only; sensitive, malformed and secret-shaped names dropped; first of each; at most 32. */
    public static Flags flags(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return new Flags(List.of(), 0, 0, 0);
        }
        List<String> kept = new ArrayList<>(raw.size());
        int malformed = 0;
        int values = 0;
        for (String f : raw) {
            String n = flagName(f);
            if (n.isEmpty()) {
                malformed++;
                continue;
            }
            if (f.length() > n.length() && (f.indexOf('=') >= 0 || f.indexOf(':') >= 0)) {
                values++;
            }
            if (!sensitive(n) && !looksSecret(stripDashes(n))) {
                kept.add(n);
            }
        }
        int dropped = raw.size() - kept.size();
        List<String> names = kept.size() <= 1 ? kept : new ArrayList<>(new LinkedHashSet<>(kept));
        if (names.size() > 32) {
            names = names.subList(0, 32);
        }
        return new Flags(names, dropped, dropped > 0 ? malformed : 0, values);
    }

    private static String stripDashes(String n) {
        int i = 0;
        while (i < n.length() && n.charAt(i) == '-') {
            i++;
        }
        return n.substring(i);
    }

    /**
     * error_source: an enum-like word ([A-Za-z][A-Za-z0-9_-]{0,31} after trimming spaces, such as cli,
     * api, network, user), lower-cased; null when it is anything else or shaped like a secret.
     */
    public static String errorSource(String v) {
        if (v == null) {
            return null;
        }
        String t = trimSpaces(v);
        return !t.isEmpty() && isAsciiLetter(t.charAt(0)) && allOf(t, 32, "_-") && !looksSecret(t)
                ? t.toLowerCase(Locale.ROOT) : null;
    }

    /** http_status: an integer 100..599, given as a number or as a string of digits ("404"); null otherwise. */
    public static Integer httpStatus(String digits) {
        if (digits == null) {
            return null;
        }
        String t = trimSpaces(digits);
        if (t.length() != 3) {
            return null;
        }
        int v = 0;
        for (int i = 0; i < 3; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return httpStatus(v);
    }

    /** http_status given as an integer: kept when it is 100..599. */
    public static Integer httpStatus(long v) {
        return v >= 100 && v <= 599 ? Integer.valueOf((int) v) : null;
    }

    /** error_type: URLs, e-mails, tokens, paths, IPs, long hex and opaque tokens become placeholders; at most 256 characters. */
    public static String errorType(String s) {
        if (s == null) {
            return null;
        }
        String r = s;
        for (int i = 0; i < ERROR_PATTERNS.length; i++) {
            if (mayMatch(i, r)) {
                r = i == 0 || i == 2 ? replaceNear(i, r) : ERROR_PATTERNS[i].matcher(r).replaceAll(ERROR_REPLACEMENTS[i]);
            }
        }
        r = redactOpaque(r);
        return r.codePointCount(0, r.length()) <= 256 ? r : r.substring(0, r.offsetByCodePoints(0, 256));
    }

    /** A cheap test that skips patterns that cannot match (most messages hold no URL, path, address or token). */
    private static boolean mayMatch(int pattern, String r) {
        return switch (pattern) {
            case 0 -> r.indexOf("://") >= 0 || r.indexOf('@') >= 0;
            case 1, 6 -> r.indexOf('/') >= 0;
            case 2 -> r.indexOf('@') >= 0;
            case 3 -> r.indexOf("eyJ") >= 0;
            case 4 -> r.indexOf("gh") >= 0 || r.indexOf("sk-") >= 0 || r.indexOf("AKIA") >= 0 || r.indexOf("ASIA") >= 0
                    || r.indexOf("xox") >= 0;
            case 5 -> r.indexOf('\\') >= 0;
            case 7 -> digitDotDigit(r);
            case 8 -> count(r, ':') >= 7;
            case 9 -> longestRun(r, "") >= 32;
            default -> true;
        };
    }

    private static int count(String r, char c) {
        int n = 0;
        for (int i = 0; i < r.length(); i++) {
            if (r.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * What {@code replaceAll} of pattern 0 (URLs) or 2 (e-mails) gives, each search started where a
     * match can first begin: neither pattern looks behind its start, every match of pattern 0 holds
     * "://" or '@' after a run of the characters its start allows, and every match of pattern 2 an
     * '@' after such a run, so no match starts before the run that ends at the first of them. The
     * regular expression then runs over a few characters instead of the whole message.
     */
    private static String replaceNear(int pattern, String s) {
        Matcher m = ERROR_PATTERNS[pattern].matcher(s);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from <= s.length()) {
            int start = pattern == 0 ? Math.min(runBefore(s, s.indexOf("://", from), from, "+.-"),
                    runBefore(s, s.indexOf('@', from), from, "._-")) : runBefore(s, s.indexOf('@', from), from, "._%+-");
            if (start == Integer.MAX_VALUE || !m.find(start)) {
                break;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, m.start()).append(pattern == 0 ? "<url>" : "<email>");
            copied = m.end();
            from = m.end() > m.start() ? m.end() : m.end() + 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * Where the run of ASCII letters, digits and {@code extra} that ends just before {@code at}
     * begins (not before {@code from}); Integer.MAX_VALUE when {@code at} is -1 (not found).
     */
    private static int runBefore(String s, int at, int from, String extra) {
        if (at < 0) {
            return Integer.MAX_VALUE;
        }
        int i = at;
        while (i > from) {
            char c = s.charAt(i - 1);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0)) {
                break;
            }
            i--;
        }
        return i;
    }

    private static boolean digitDotDigit(String r) {
        for (int i = 1; i + 1 < r.length(); i++) {
            if (r.charAt(i) == '.' && Character.isDigit(r.charAt(i - 1)) && r.charAt(i - 1) < 0x80
                    && r.charAt(i + 1) >= '0' && r.charAt(i + 1) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The longest run of ASCII letters and digits (hex digits when {@code extra} is empty) or {@code extra}. */
    private static int longestRun(String r, String extra) {
        int best = 0;
        int run = 0;
        boolean hex = extra.isEmpty();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            boolean in = hex ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    : isAsciiLetter(c) || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0;
            run = in ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Runs of 24+ token characters mixing letters and digits, each replaced wherever it occurs. */
    private static String redactOpaque(String s) {
        if (longestRun(s, "_+/=-") < 24) {
            return s;
        }
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
