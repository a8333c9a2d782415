package dev.clianalytics.ingest.sanitize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one line of input as SPEC §3 defines it (docs/ingest.md, "Validation and rejects"): strict
 * JSON (RFC 8259: no trailing commas, comments, NaN or single quotes), the format it is in, the
 * first problem in the order of SPEC §4.3, the unknown fields, and for an accepted native line the
 * event key and every value sanitized (SPEC §4.1, {@link PrivacyRules}). One JSON parse per line,
 * values read only for the known fields. Free of the database and the CLI: what a distributed job
 * would reuse. Not thread-safe (keeps per-thread hash caches): one per thread.
 */
public final class NativeLines {
    public static final int MAX_LINE_BYTES = 1 << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1L).build())
            .build();
    private static final String[] FIELDS = {"timestamp", "tool_name", "tool_version", "command_path", "flags_present",
        "exit_code", "duration_ms", "error_type", "actor_id", "machine_id", "session_hint", "ci_detected", "event_id", "sequence",
        "error_source", "http_status"};
    private static final int TS = 0, TOOL = 1, VER = 2, CMD = 3, FLAGS = 4, EXIT = 5, DUR = 6, ERR = 7, ACTOR = 8,
            MACHINE = 9, HINT = 10, CI = 11, ID = 12, SEQ = 13,
            SOURCE = 14, STATUS = 15;
    private static final long MAX_DURATION_MS = 1_000_000_000_000L;
    private static final int CACHE_LIMIT = 1 << 16;
    private static final int HINT_CACHE_LIMIT = 1 << 14;
    private final java.util.Map<String, String> errorTypes = new java.util.HashMap<>();

    private final String askedFormat;
    private final IdHasher ids;
    /** Session hints apart: they are many (one per session) and would push the actors and machines out of the cache. */
    private final IdHasher hints;
    private final String[] lastId = new String[3];
    private final String[] lastHash = new String[3];
    private final EventKeys keys;

    // the fields of the line being read: kind (s string, a array, n number, b boolean, o object, 0 null or absent)
    private final char[] kind = new char[FIELDS.length];
    private final String[] text = new String[FIELDS.length];
    private final long[] number = new long[FIELDS.length];
    private final boolean[] integral = new boolean[FIELDS.length];
    @SuppressWarnings("unchecked")
    private final List<String>[] list = new List[FIELDS.length];
    private final boolean[] seen = new boolean[FIELDS.length];
    /** The fast path for plain lines (FlatObject), filling the arrays above. */
    private final FlatObject flat = new FlatObject(FIELDS, kind, text, number, integral, list, seen);
    private boolean fastPath = true;
    private final Set<String> detectSeen = new HashSet<>();
    private final Set<String> present = new HashSet<>();
    private Set<String> firstElementKeys;
    private boolean batchArray;
    private List<String> unknown;
    private WordGate gate = WordGate.OFF;
    /** The timestamp of the line being read in microseconds, once check() has parsed it. */
    private long tsMicros;

    /**
     * @param askedFormat auto, native, posthog or segment
     * @param hmacKey the salt's key for the ids' keyed hashes
     * @param eventKeySecretHex the secret of the event keys (Salt.eventKeySecretHex)
     */
    public NativeLines(String askedFormat, byte[] hmacKey, String eventKeySecretHex) {
        this.askedFormat = askedFormat;
        this.ids = new IdHasher(hmacKey);
        this.hints = new IdHasher(hmacKey, HINT_CACHE_LIMIT);
        this.keys = new EventKeys(eventKeySecretHex);
    }

    /** The rare-word rule this run applies to command words and flag names (WordGate.OFF by default). */
    public NativeLines withGate(WordGate gate) {
        this.gate = gate;
        return this;
    }

    /** Every line through Jackson's parser (tests compare the two paths). */
    NativeLines withoutFastPath() {
        fastPath = false;
        return this;
    }

    /** Stages a line of valid UTF-8 ({@code bytes[off, off+len)}, no line end). */
    public StagedLine stage(byte[] bytes, int off, int len) {
        String asked = "auto".equals(askedFormat) ? null : askedFormat;
        if (blank(bytes, off, len)) {
            return new StagedLine(true, asked == null ? "native" : asked, null, null, null);
        }
        if (len > MAX_LINE_BYTES) {
            return new StagedLine(false, asked == null ? "native" : asked, "line_too_long", null, null);
        }
        JsonToken root = parse(bytes, off, len);
        boolean valid = root != null;
        boolean object = valid && root == JsonToken.START_OBJECT;
        String format;
        if (asked != null) {
            format = asked;
        } else if (!object) {
            format = valid && root == JsonToken.START_ARRAY && startsAfterSpaces(bytes, off, len, '[')
                    ? firstElementFormat(false) : "native";
        } else {
            format = objectFormat();
        }
        if (!"native".equals(format) && valid) {
            return new StagedLine(false, format, null, null, null);
        }
        if (!object) {
            return new StagedLine(false, format, "invalid_json", null, null);
        }
        List<String> unknownKeys = unknown == null || unknown.isEmpty() ? null : List.copyOf(unknown);
        String reason = check();
        if (reason != null) {
            return new StagedLine(false, format, reason, unknownKeys, null);
        }
        return new StagedLine(false, format, null, unknownKeys, event());
    }

    /** A line that is not UTF-8 (the rest of the file is read). */
    public StagedLine invalidUtf8() {
        return new StagedLine(false, "auto".equals(askedFormat) ? "native" : askedFormat, "invalid_utf8", null, null);
    }

    /** Empty, or only spaces, tabs and carriage returns. */
    private static boolean blank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAfterSpaces(byte[] b, int off, int len, char c) {
        int i = off;
        while (i < off + len && b[i] == ' ') {
            i++;
        }
        return i < off + len && b[i] == c;
    }

    /**
     * Parses the whole line once: the known fields' values, the keys that tell the formats apart,
     * the unknown keys; returns the root token, or null when the line is not strict JSON. A plain
     * flat object is read without Jackson (FlatObject); every other line by Jackson's parser.
     */
    private JsonToken parse(byte[] bytes, int off, int len) {
        clear();
        if (fastPath && flat.read(bytes, off, len)) {
            unknown = flat.unknown();
            return JsonToken.START_OBJECT;
        }
        clear();
        if (hasLoneSurrogate(bytes, off, len)) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(bytes, off, len)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                return null;
            }
            if (root == JsonToken.START_OBJECT) {
                readObject(p);
            } else if (root == JsonToken.START_ARRAY) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT) {
                    firstElementKeys = keysOf(p);
                    t = p.nextToken();
                }
                while (t != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    t = p.nextToken();
                }
            } else {
                p.skipChildren();
            }
            return p.nextToken() == null ? root : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** Every field of the line before forgotten. */
    private void clear() {
        java.util.Arrays.fill(kind, '0');
        java.util.Arrays.fill(seen, false);
        java.util.Arrays.fill(text, null);
        java.util.Arrays.fill(list, null);
        detectSeen.clear();
        present.clear();
        firstElementKeys = null;
        batchArray = false;
        unknown = null;
    }

    private void readObject(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int f = field(name);
            if (f >= 0) {
                if (!seen[f]) {
                    seen[f] = true;
                    readValue(p, v, f);
                } else {
                    p.skipChildren();
                }
                continue;
            }
            if (unknown == null) {
                unknown = new ArrayList<>(4);
            }
            unknown.add(name);
            if (isDetectionKey(name) && detectSeen.add(name)) {
                if (v != JsonToken.VALUE_NULL) {
                    present.add(name);
                }
                if (name.equals("batch") && v == JsonToken.START_ARRAY) {
                    batchArray = true;
                    JsonToken e = p.nextToken();
                    if (e == JsonToken.START_OBJECT) {
                        firstElementKeys = keysOf(p);
                        e = p.nextToken();
                    }
                    while (e != JsonToken.END_ARRAY) {
                        p.skipChildren();
                        e = p.nextToken();
                    }
                    continue;
                }
            }
            p.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("not an object");
        }
    }

    /** The keys of the object just opened, its values skipped; the parser ends on its END_OBJECT. */
    private static Set<String> keysOf(JsonParser p) throws IOException {
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            names.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
        return names;
    }

    private void readValue(JsonParser p, JsonToken v, int f) throws IOException {
        switch (v) {
            case VALUE_STRING -> {
                kind[f] = 's';
                text[f] = p.getText();
            }
            case VALUE_NUMBER_INT -> {
                kind[f] = 'n';
                JsonParser.NumberType nt = p.getNumberType();
                integral[f] = nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG;
                if (integral[f]) {
                    number[f] = p.getLongValue();
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                kind[f] = 'n';
                integral[f] = false;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                kind[f] = 'b';
                text[f] = v == JsonToken.VALUE_TRUE ? "true" : "false";
            }
            case VALUE_NULL -> kind[f] = '0';
            case START_ARRAY -> {
                kind[f] = 'a';
                List<String> items = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == JsonToken.VALUE_STRING && items != null) {
                        items.add(p.getText());
                    } else {
                        items = null;
                        p.skipChildren();
                    }
                }
                list[f] = items;
            }
            default -> {
                kind[f] = 'o';
                p.skipChildren();
            }
        }
    }

    private static int field(String name) {
        return switch (name) {
            case "timestamp" -> TS;
            case "tool_name" -> TOOL;
            case "tool_version" -> VER;
            case "command_path" -> CMD;
            case "flags_present" -> FLAGS;
            case "exit_code" -> EXIT;
            case "duration_ms" -> DUR;
            case "error_type" -> ERR;
            case "actor_id" -> ACTOR;
            case "machine_id" -> MACHINE;
            case "session_hint" -> HINT;
            case "ci_detected" -> CI;
            case "event_id" -> ID;
            case "sequence" -> SEQ;
            case "error_source" -> SOURCE;
            case "http_status" -> STATUS;
            default -> -1;
        };
    }

    static boolean isDetectionKey(String name) {
        return switch (name) {
            case "distinct_id", "api_key", "userId", "anonymousId", "previousId", "messageId", "user_id", "anonymous_id",
                    "message_id", "batch", "type", "event", "uuid" -> true;
            default -> false;
        };
    }

    /** The format of an object line from its keys, in the priority order of docs/formats.md. */
    private String objectFormat() {
        if (kind[ACTOR] != '0') {
            return "native";
        }
        if (present.contains("distinct_id") || present.contains("api_key")) {
            return "posthog";
        }
        for (String k : new String[] {"userId", "anonymousId", "previousId", "messageId", "user_id", "anonymous_id", "message_id"}) {
            if (present.contains(k)) {
                return "segment";
            }
        }
        if (batchArray) {
            return firstElementFormat(true);
        }
        if (present.contains("type")) {
            return "segment";
        }
        return present.contains("event") || present.contains("uuid") ? "posthog" : "native";
    }

    /** A batch's (or a top-level array's) format, from the keys of its first event. */
    private String firstElementFormat(boolean batch) {
        Set<String> k = firstElementKeys == null ? Set.of() : firstElementKeys;
        if (k.contains("distinct_id")) {
            return "posthog";
        }
        if (k.contains("userId") || k.contains("anonymousId") || (batch && k.contains("previousId")) || k.contains("messageId")
                || k.contains("type")) {
            return "segment";
        }
        return k.contains("event") ? "posthog" : "native";
    }

    private boolean isInteger(int f) {
        return kind[f] == 'n' && integral[f];
    }

    /** The first problem of an object line, in the order of SPEC §4.3; null when none. */
    private String check() {
        if (kind[TS] == '0') {
            return "missing_field:timestamp";
        }
        if (kind[TOOL] == '0') {
            return "missing_field:tool_name";
        }
        if (kind[CMD] == '0') {
            return "missing_field:command_path";
        }
        if (kind[ACTOR] == '0' || (kind[ACTOR] == 's' && PrivacyRules.trimSpaces(text[ACTOR]).isEmpty())) {
            return "missing_field:actor_id";
        }
        if (kind[MACHINE] == '0' || (kind[MACHINE] == 's' && PrivacyRules.trimSpaces(text[MACHINE]).isEmpty())) {
            return "missing_field:machine_id";
        }
        if (kind[TS] != 's') {
            return "wrong_type:timestamp";
        }
        if (kind[TOOL] != 's') {
            return "wrong_type:tool_name";
        }
        if (!stringOrNull(VER)) {
            return "wrong_type:tool_version";
        }
        if (kind[CMD] != 'a' || list[CMD] == null) {
            return "wrong_type:command_path";
        }
        if (kind[FLAGS] != '0' && (kind[FLAGS] != 'a' || list[FLAGS] == null)) {
            return "wrong_type:flags_present";
        }
        if (kind[EXIT] != '0' && !(isInteger(EXIT) && number[EXIT] >= Integer.MIN_VALUE && number[EXIT] <= Integer.MAX_VALUE)) {
            return "wrong_type:exit_code";
        }
        if (kind[DUR] != '0' && !(isInteger(DUR) && number[DUR] >= 0 && number[DUR] <= MAX_DURATION_MS)) {
            return "wrong_type:duration_ms";
        }
        if (!stringOrNull(ERR)) {
            return "wrong_type:error_type";
        }
        if (kind[ACTOR] != 's') {
            return "wrong_type:actor_id";
        }
        if (kind[MACHINE] != 's') {
            return "wrong_type:machine_id";
        }
        if (!stringOrNull(HINT)) {
            return "wrong_type:session_hint";
        }
        if (kind[CI] != 'b' && kind[CI] != '0') {
            return "wrong_type:ci_detected";
        }
        if (!stringOrNull(ID)) {
            return "wrong_type:event_id";
        }
        if (kind[SEQ] != '0' && !isInteger(SEQ)) {
            return "wrong_type:sequence";
        }
        tsMicros = EpochMicros.micros(text[TS]);
        if (tsMicros == EpochMicros.INVALID) {
            return "bad_timestamp";
        }
        if (list[CMD].isEmpty()) {
            return "empty_command_path";
        }
        return null;
    }

    private boolean stringOrNull(int f) {
        return kind[f] == 's' || kind[f] == '0';
    }

    /** The event of a line that check() accepted (its timestamp parsed there). */
    private StagedLine.Event event() {
        long ts = tsMicros;
        PrivacyRules.Flags flags = PrivacyRules.flags(list[FLAGS]);
        String source = kind[SOURCE] == 's' ? PrivacyRules.errorSource(text[SOURCE]) : null;
        Integer status = httpStatus();
        String actor = hashId(0, text[ACTOR]);
        return new StagedLine.Event(
                text[ID] != null ? keys.forEventId(text[ID]) : keys.forContent(content(ts, source, status)),
                ts,
                PrivacyRules.toolName(text[TOOL]),
                PrivacyRules.toolVersion(text[VER]),
                gate.path(PrivacyRules.commandPath(list[CMD]), actor),
                gate.flags(flags.names(), actor),
                kind[EXIT] == 'n' ? (int) number[EXIT] : null,
                kind[DUR] == 'n' ? number[DUR] : null,
                errorType(text[ERR]),
                actor,
                hashId(1, text[MACHINE]),
                hashId(2, text[HINT]),
                "true".equals(text[CI]),
                kind[SEQ] == 'n' ? number[SEQ] : null,
                flags.dropped(),
                flags.malformed(),
                flags.values(),
                source,
                status);
    }

    /**
     * The keyed hash of an actor (slot 0), machine (1) or session hint (2): consecutive events
     * mostly share them (two in three lines repeat the line before's actor and machine), and a
     * comparison with the last value costs less than the cache's lookup.
     */
    private String hashId(int slot, String id) {
        if (id == null) {
            return null;
        }
        if (id.equals(lastId[slot])) {
            return lastHash[slot];
        }
        String h = (slot == 2 ? hints : ids).hash(id);
        lastId[slot] = id;
        lastHash[slot] = h;
        return h;
    }

    /** http_status: optional, never a reason to reject; an integer 100..599, as a number or a string of digits, else null. */
    private Integer httpStatus() {
        if (kind[STATUS] == 'n') {
            return integral[STATUS] ? PrivacyRules.httpStatus(number[STATUS]) : null;
        }
        return kind[STATUS] == 's' ? PrivacyRules.httpStatus(text[STATUS]) : null;
    }

    /** error_type sanitized; messages repeat (templates), so each distinct one is redacted once per cache generation. */
    private String errorType(String raw) {
        if (raw == null) {
            return null;
        }
        String r = errorTypes.get(raw);
        if (r == null) {
            r = PrivacyRules.errorType(raw);
            if (errorTypes.size() >= CACHE_LIMIT) {
                errorTypes.clear();
            }
            errorTypes.put(raw, r);
        }
        return r;
    }

    /**
     * The canonical content of an event without event_id: the instant, then each field's JSON text
     * as written back minified with escapes decoded (key order, spacing, escape spelling and
     * timestamp spelling do not matter; null equals absent, absent ci_detected equals false).
     * error_source and http_status (added in schema 11) count by their stored values, and only when
     * one is stored: an event without them keeps the key every earlier build gave it, so files
     * ingested before still de-duplicate.
     */
    private String content(long ts, String source, Integer status) {
        StringBuilder b = new StringBuilder(256);
        char sep = (char) 31;
        b.append(ts).append(sep);
        JsonText.string(b, text[TOOL]).append(sep);
        if (text[VER] != null) {
            JsonText.string(b, text[VER]);
        }
        b.append(sep);
        JsonText.strings(b, list[CMD]).append(sep);
        if (kind[FLAGS] == 'a') {
            JsonText.strings(b, list[FLAGS]);
        }
        b.append(sep);
        if (kind[EXIT] == 'n') {
            b.append(number[EXIT]);
        }
        b.append(sep);
        if (kind[DUR] == 'n') {
            b.append(number[DUR]);
        }
        b.append(sep);
        if (text[ERR] != null) {
            JsonText.string(b, text[ERR]);
        }
        b.append(sep);
        JsonText.string(b, text[ACTOR]).append(sep);
        JsonText.string(b, text[MACHINE]).append(sep);
        if (text[HINT] != null) {
            JsonText.string(b, text[HINT]);
        }
        b.append(sep);
        b.append(text[CI] != null ? text[CI] : "false").append(sep);
        if (kind[SEQ] == 'n') {
            b.append(number[SEQ]);
        }
        if (source != null || status != null) {
            b.append(sep);
            if (source != null) {
                JsonText.string(b, source);
            }
            b.append(sep);
            if (status != null) {
                b.append(status.intValue());
            }
        }
        return b.toString();
    }

    /**
     * An escape {@code \\uD800}–{@code \\uDFFF} not part of a pair: RFC 8259's grammar allows it,
     * but it is no Unicode text, and every earlier build rejected it as invalid_json.
     */
    static boolean hasLoneSurrogate(byte[] b, int off, int len) {
        int end = off + len;
        // most lines hold no escape at all: a plain counted loop finds that fast (the loop below,
        // which moves its index inside, was a tenth of the staging's CPU when it ran on every byte)
        int first = off;
        while (first < end && b[first] != '\\') {
            first++;
        }
        for (int i = first; i < end - 1; i++) {
            if (b[i] != '\\') {
                continue;
            }
            if (b[i + 1] != 'u') {
                i++;
                continue;
            }
            int cp = hex4(b, i + 2, end);
            if (cp < 0) {
                return false; // not JSON anyway: the parser says so
            }
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return true;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int low = i + 7 < end && b[i + 6] == '\\' && b[i + 7] == 'u' ? hex4(b, i + 8, end) : -1;
                if (low < 0xDC00 || low > 0xDFFF) {
                    return true;
                }
                i += 11;
            } else {
                i += 5;
            }
        }
        return false;
    }

    private static int hex4(byte[] b, int from, int end) {
        if (from + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
