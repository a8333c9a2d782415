package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Segment track calls and exports (docs/formats.md). The lifecycle events of one invocation
 * (Invoked, Failed, Completed, sharing invocation_id, in any order within the file) merge into ONE
 * command event; other track events become flow events with safe properties; alias and identify
 * become links; page, screen and group are ignored. A line is validated whole before any of it counts.
 */
public final class SegmentReader implements FormatReader {
    /** Reason for a Completed or Failed whose Command Invoked never appears in the file. */
    public static final String ORPHAN_REASON = "missing_field:command_invoked";
    /**
     * An invocation still open this many lines after its first part is closed: emitted as it stands
     * (exit code unknown without Completed), so memory stays bounded on files of any size.
     */
    public static final long PENDING_WINDOW_LINES = 100_000;

    private enum Kind { INVOKED, COMPLETED, FAILED }

    private static final Set<String> ENVELOPE_COLUMNS = Set.of("type", "event", "event_text", "timestamp",
            "original_timestamp", "originalTimestamp", "sent_at", "sentAt", "received_at", "receivedAt", "uuid_ts",
            "context", "integrations", "properties");

    private final FormatConfig.Segment config;
    private final ObjectMapper mapper = Json.mapper();
    private final Set<String> structural = new HashSet<>();
    // open invocations in the order first seen, so the oldest can be closed once far behind
    private final LinkedHashMap<String, Invocation> pending = new LinkedHashMap<>();
    private final long windowLines;

    public SegmentReader(FormatConfig.Segment config) {
        this(config, PENDING_WINDOW_LINES);
    }

    /** {@code windowLines}: how far (in lines) the parts of one invocation may lie apart in a file. */
    SegmentReader(FormatConfig.Segment config, long windowLines) {
        this.config = config;
        this.windowLines = windowLines;
        for (String field : List.of("tool_name", "tool_version", "session_hint", "invocation_id")) {
            structural.addAll(config.prop(field));
        }
    }

    @Override
    public void accept(String line, long lineNumber, Sink sink) {
        closeOlderThan(lineNumber - windowLines, sink);
        Envelope.mapLine(line, lineNumber, sink, mapper, this::map);
    }

    private void closeOlderThan(long line, Sink sink) {
        for (var it = pending.values().iterator(); it.hasNext(); ) {
            Invocation inv = it.next();
            if (inv.firstLine >= line) {
                return;
            }
            it.remove();
            close(inv, sink);
        }
    }

    private static void close(Invocation inv, Sink sink) {
        if (inv.invoked == null) {
            sink.reject(inv.line, ORPHAN_REASON);
        } else {
            sink.event(inv.line, inv.index, inv.merged());
        }
    }

    /** Emits invocations still open: Invoked without Completed (exit code unknown), or rejects orphans. */
    @Override
    public void finish(Sink sink) {
        List<Invocation> open = new ArrayList<>(pending.values());
        pending.clear();
        open.sort(Comparator.comparingLong((Invocation i) -> i.line).thenComparingInt(i -> i.index));
        for (Invocation inv : open) {
            close(inv, sink);
        }
    }

    private void map(EventView e, long lineNumber, int index, List<Consumer<Sink>> out) {
        String type = e.top("type").text();
        if (type == null) {
            // warehouse export rows carry no type: a row with an event name is a track call
            type = e.top("event").present() ? "track" : e.top("previousId", "previous_id").present() ? "alias" : null;
            if (type == null) {
                throw Rejected.missing("type");
            }
        }
        switch (type) {
            case "track" -> track(e, lineNumber, index, out);
            case "alias" -> {
                String user = e.top("userId", "user_id").requiredText();
                String previous = e.top("previousId", "previous_id").requiredText();
                String at = linkTime(e);
                out.add(s -> s.link(user, previous, at));
            }
            case "identify" -> {
                String user = e.top("userId", "user_id").text();
                String anon = e.top("anonymousId", "anonymous_id").text();
                boolean linkable = user != null && anon != null && !user.isBlank() && !anon.isBlank() && !user.equals(anon);
                String at = linkTime(e);
                out.add(linkable ? s -> s.link(user, anon, at) : s -> s.ignored("identify"));
            }
            default -> {
                String ignored = type;
                out.add(s -> s.ignored(ignored));
            }
        }
    }

    private void track(EventView e, long lineNumber, int index, List<Consumer<Sink>> out) {
        String name = e.top("event").requiredText();
        Kind kind = config.invokedEvents().contains(name) ? Kind.INVOKED
                : config.completedEvents().contains(name) ? Kind.COMPLETED
                : config.failedEvents().contains(name) ? Kind.FAILED : null;
        if (kind == null) {
            if (config.ignoreEvents().contains(name)) {
                out.add(s -> s.ignored(name));
            } else {
                FlowEvent flow = flow(e, name);
                out.add(s -> s.flowEvent(lineNumber, index, flow));
            }
            return;
        }
        String id = e.prop(config.prop("invocation_id")).requiredText();
        Invocation part = new Invocation(lineNumber, index);
        switch (kind) {
            case INVOKED -> part.invoked = invoked(e);
            case COMPLETED -> {
                part.completed = true;
                part.exit = e.prop(config.prop("exit_code")).int32();
                Boolean succeeded = e.prop(config.prop("succeeded")).bool();
                if (part.exit == null && succeeded != null) {
                    part.exit = succeeded ? 0 : 1;
                }
                part.duration = e.prop(config.prop("duration_ms")).millis();
                part.error = e.prop(config.prop("error_type")).text();
            }
            case FAILED -> {
                part.failed = true;
                part.failedError = e.prop(config.prop("error_type")).text();
                part.failedDuration = e.prop(config.prop("duration_ms")).millis();
            }
        }
        out.add(s -> apply(id, part, s));
    }

    private void apply(String id, Invocation part, Sink sink) {
        Invocation inv = pending.get(id);
        if (inv == null) {
            inv = part;
            pending.put(id, inv);
        } else {
            inv.merge(part);
        }
        // A failed completion waits for its Command Failed (error_class) until the end of the file.
        if (inv.invoked != null && inv.completed && (inv.failed || Integer.valueOf(0).equals(inv.exit))) {
            pending.remove(id);
            sink.event(inv.line, inv.index, inv.merged());
        }
    }

    private NativeEvent invoked(EventView e) {
        String timestamp = timestamp(e);
        String actor = actor(e);
        String tool = tool(e);
        EventView.Field command = e.prop(config.prop("command"));
        List<String> path;
        if (!command.present()) {
            throw Rejected.missing(command.name());
        } else if (command.value().isArray()) {
            path = CommandPaths.withTool(tool, command.strings());
        } else {
            path = CommandPaths.fromWords(tool, command.text());
        }
        return new NativeEvent(
                timestamp,
                tool,
                version(e),
                path,
                e.prop(config.prop("flags_present")).strings(),
                null,
                null,
                null,
                actor,
                machine(e, actor),
                e.prop(config.prop("session_hint")).text(),
                e.prop(config.prop("ci_detected")).bool(),
                e.top("messageId", "message_id").text(),
                e.prop(config.prop("sequence")).integer());
    }

    private FlowEvent flow(EventView e, String name) {
        String actor = actor(e);
        return new FlowEvent(
                timestamp(e),
                name,
                tool(e),
                version(e),
                actor,
                machine(e, actor),
                e.prop(config.prop("session_hint")).text(),
                e.top("messageId", "message_id").text(),
                FlowProperties.safe(e.properties(), e.properties() == e.node() ? this::envelopeColumn : structural::contains));
    }

    /** Export rows mix envelope columns with properties: never keep the envelope's ids, times or context. */
    private boolean envelopeColumn(String key) {
        return structural.contains(key) || ENVELOPE_COLUMNS.contains(key) || key.startsWith("context_");
    }

    /** When an alias or identify call happened; null when it says not (the link still stitches). */
    private static String linkTime(EventView e) {
        return Timestamps.normaliseOrNull(e.top("timestamp", "originalTimestamp", "original_timestamp").text());
    }

    private static String timestamp(EventView e) {
        return Timestamps.normalise(e.top("timestamp", "originalTimestamp", "original_timestamp").requiredText());
    }

    private static String actor(EventView e) {
        String user = e.top("userId", "user_id").text();
        if (user != null && !user.isBlank()) {
            return user;
        }
        String anon = e.top("anonymousId", "anonymous_id").text();
        if (anon == null || anon.isBlank()) {
            throw Rejected.missing("userId");
        }
        return anon;
    }

    private static String machine(EventView e, String actor) {
        String device = e.path("context", "device", "id").text();
        if (device != null && !device.isBlank()) {
            return device;
        }
        String anon = e.top("anonymousId", "anonymous_id").text();
        return anon != null && !anon.isBlank() ? anon : actor;
    }

    private String tool(EventView e) {
        String tool = e.prop(config.prop("tool_name")).text();
        if (tool == null || tool.isBlank()) {
            tool = e.path("context", "app", "name").text();
        }
        return tool == null || tool.isBlank() ? config.defaultTool() : tool.trim();
    }

    private String version(EventView e) {
        String v = e.prop(config.prop("tool_version")).textOrNumber();
        return v != null ? v : e.path("context", "app", "version").textOrNumber();
    }

    /** What is known so far about one invocation; the first value seen for each field wins. */
    private static final class Invocation {
        final long firstLine;
        long line;
        int index;
        NativeEvent invoked;
        boolean completed;
        boolean failed;
        Integer exit;
        Long duration;
        Long failedDuration;
        String error;
        String failedError;

        Invocation(long line, int index) {
            this.firstLine = line;
            this.line = line;
            this.index = index;
        }

        void merge(Invocation p) {
            if (invoked == null && p.invoked != null) {
                invoked = p.invoked;
                line = p.line;
                index = p.index;
            }
            completed |= p.completed;
            failed |= p.failed;
            exit = exit != null ? exit : p.exit;
            duration = duration != null ? duration : p.duration;
            failedDuration = failedDuration != null ? failedDuration : p.failedDuration;
            error = error != null ? error : p.error;
            failedError = failedError != null ? failedError : p.failedError;
        }

        NativeEvent merged() {
            NativeEvent i = invoked;
            Integer exitCode = exit != null ? exit : failed ? Integer.valueOf(1) : null;
            String errorType = failedError != null ? failedError : error;
            return new NativeEvent(i.timestamp(), i.toolName(), i.toolVersion(), i.commandPath(), i.flagsPresent(),
                    exitCode, duration != null ? duration : failedDuration, errorType, i.actorId(), i.machineId(), i.sessionHint(), i.ciDetected(),
                    i.eventId(), i.sequence());
        }
    }
}
