package dev.clianalytics.ingest.formats;

/**
 * Tells, per line, which format an event line is in, from its top-level keys only, without parsing
 * values: one pass over the characters, stopping at the first decisive key. A line that is not
 * recognisably PostHog or Segment (including invalid JSON) is {@link EventFormat#NATIVE}, so the native
 * path validates it and reports its reject reason.
 *
 * <p>Rules in priority order (docs/formats.md gives the same rules as SQL): {@code actor_id} →
 * native; {@code distinct_id} or {@code api_key} → PostHog; {@code userId}, {@code anonymousId},
 * {@code previousId}, {@code messageId} or their snake_case export columns → Segment; a
 * {@code batch} array or a top-level array → the format of its first event; {@code type} →
 * Segment; {@code event} or {@code uuid} → PostHog; else native.
 */
public final class FormatDetector {
    private static final int NONE = 0;
    private static final int NATIVE = 1;
    private static final int POSTHOG = 2;
    private static final int SEGMENT = 3;

    private FormatDetector() {}

    public static EventFormat detect(String line) {
        int i = skipWs(line, 0);
        if (i >= line.length()) {
            return EventFormat.NATIVE;
        }
        int kind = line.charAt(i) == '[' ? firstElement(line, i) : line.charAt(i) == '{' ? object(line, i) : NONE;
        return switch (kind) {
            case POSTHOG -> EventFormat.POSTHOG;
            case SEGMENT -> EventFormat.SEGMENT;
            default -> EventFormat.NATIVE;
        };
    }

    /** Classifies the object starting at {@code start} (a '{'). */
    private static int object(String s, int start) {
        int n = s.length();
        int depth = 0;
        boolean expectKey = false;
        int decisive = NONE;
        boolean sawType = false;
        boolean sawEvent = false;
        int batchAt = -1;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = stringEnd(s, i);
                if (end < 0) {
                    break;
                }
                if (depth == 1 && expectKey) {
                    int keyLen = end - i - 1;
                    int d = decisive(s, i + 1, keyLen);
                    if (d == NATIVE) {
                        return NATIVE; // the highest priority: no need to read further
                    }
                    if (d != NONE && (decisive == NONE || d < decisive)) {
                        decisive = d;
                    } else if (is(s, i + 1, keyLen, "batch")) {
                        batchAt = end + 1;
                    } else if (is(s, i + 1, keyLen, "type")) {
                        sawType = true;
                    } else if (is(s, i + 1, keyLen, "event") || is(s, i + 1, keyLen, "uuid")) {
                        sawEvent = true;
                    }
                    expectKey = false;
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
                expectKey = c == '{' && depth == 1;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (c == ',' && depth == 1) {
                expectKey = true;
            }
        }
        if (decisive != NONE) {
            return decisive;
        }
        if (batchAt >= 0) {
            int j = skipWs(s, batchAt);
            if (j < n && s.charAt(j) == ':') {
                j = skipWs(s, j + 1);
                if (j < n && s.charAt(j) == '[') {
                    int inner = firstElement(s, j);
                    if (inner != NONE) {
                        return inner;
                    }
                }
            }
        }
        return sawType ? SEGMENT : sawEvent ? POSTHOG : NONE;
    }

    private static int firstElement(String s, int bracket) {
        int j = skipWs(s, bracket + 1);
        return j < s.length() && s.charAt(j) == '{' ? object(s, j) : NONE;
    }

    private static int decisive(String s, int from, int len) {
        if (is(s, from, len, "actor_id")) {
            return NATIVE;
        }
        if (is(s, from, len, "distinct_id") || is(s, from, len, "api_key")) {
            return POSTHOG;
        }
        if (is(s, from, len, "userId") || is(s, from, len, "anonymousId") || is(s, from, len, "previousId")
                || is(s, from, len, "messageId") || is(s, from, len, "user_id")
                || is(s, from, len, "anonymous_id") || is(s, from, len, "message_id")) {
            return SEGMENT;
        }
        return NONE;
    }

    private static boolean is(String s, int from, int len, String key) {
        return len == key.length() && s.startsWith(key, from);
    }

    /** Index of the closing quote of the string opening at {@code open}, or -1. */
    private static int stringEnd(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
