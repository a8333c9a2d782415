package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads Segment track calls and exports (docs/formats.md). The lifecycle events of one invocation
 * (Invoked, Failed, Completed, sharing invocation_id, in any order within the file) merge into ONE
 * command event; a call named in command_events is a whole command by itself; other track events
 * become flow events with safe properties; alias and identify become links; page, screen and group
 * are ignored. A line is validated whole before any of it counts.
 */
public final class SegmentReader implements FormatReader {
    /** Reason for a Completed or Failed whose Command Invoked never appears in the file. */
    public static final String ORPHAN_REASON = "missing_field:command_invoked";
    /**
     * An invocation still open this many lines after its first part is closed: emitted as it stands
     * (exit code unknown without Completed), so memory stays bounded on files of any size.
     */
    public static final long PENDING_WINDOW_LINES = 100_000;

    private enum Kind { INVOKED, COMPLETED, FAILED, COMMAND }

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^_|_$");
    /** Distinct names remembered; a file with more (names holding ids) is judged name by name. */
    private static final int MAX_NAMES = 10_000;

    private static final Set<String> ENVELOPE_COLUMNS = Set.of("type", "event", "event_text", "timestamp",
            "original_timestamp", "originalTimestamp", "sent_at", "sentAt", "received_at", "receivedAt", "uuid_ts",
            "context", "integrations", "properties");

    private final FormatConfig.Segment config;
    private final ObjectMapper mapper = Json.mapper();
    private final Set<String> structural = new HashSet<>();
    // every configured event name, also under its warehouse slug (command_invoked)
    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, Kind> slugs = new HashMap<>();
    // what each track name read so far is (a few names recur on every line): its kind, else null
    private final Map<String, Optional<Kind>> byName = new HashMap<>();
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
        register(config.invokedEvents(), Kind.INVOKED);
        register(config.completedEvents(), Kind.COMPLETED);
        register(config.failedEvents(), Kind.FAILED);
        register(config.commandEvents(), Kind.COMMAND);
    }

    private void register(Set<String> names, Kind kind) {
        for (String name : names) {
            kinds.put(name, kind);
            slugs.putIfAbsent(slug(name), kind);
        }
    }

    /** A warehouse's table and column name for an event name: "Command Invoked" → command_invoked. */
    static String slug(String name) {
        return EDGES.matcher(NON_WORD.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    }

    /** The kind of a track call's name: as configured, else by its slug; null for a flow or ignored event. */
    private Kind kind(String name) {
        return byName.computeIfAbsent(name, n -> {
            Kind kind = kinds.get(n);
            if (kind == null && !config.ignoreEvents().contains(n)) {
                kind = slugs.get(slug(n));
            }
            return Optional.ofNullable(kind);
        }).orElse(null);
    }

    private Kind kindUncached(String name) {
        Kind kind = kinds.get(name);
        return kind != null || config.ignoreEvents().contains(name) ? kind : slugs.get(slug(name));
    }

    @Override
    public void accept(String line, long lineNumber, Sink sink) {
        closeOlderThan(lineNumber - windowLines, sink);
        // an API call (it has a type) keeps its properties in properties only: its top level is the
        // envelope (version, channel, …); a warehouse row has no type and its columns are its properties
        Envelope.mapLine(line, lineNumber, sink, mapper, event -> !event.has("type"), this::map);
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
        sink.merged(inv.parts - 1);
        if (inv.invoked == null) {
            sink.rejectRecord(inv.line, ORPHAN_REASON);
        } else {
            emit(inv, sink);
        }
    }

    private static void emit(Invocation inv, Sink sink) {
        if (inv.toolDefaulted) {
            sink.toolDefaulted();
        }
        sink.event(inv.line, inv.index, inv.merged());
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
                String at = EventTimes.orNull(e, EventTimes::segment);
                out.add(user.equals(previous) ? s -> s.ignored("alias") : s -> s.link(lineNumber, index, user, previous, at));
            }
            case "identify" -> {
                String user = e.top("userId", "user_id").text();
                String anon = e.top("anonymousId", "anonymous_id").text();
                boolean linkable = user != null && anon != null && !user.isBlank() && !anon.isBlank() && !user.equals(anon);
                String at = EventTimes.orNull(e, EventTimes::segment);
                out.add(linkable ? s -> s.link(lineNumber, index, user, anon, at) : s -> s.ignored("identify"));
            }
            default -> {
                String ignored = type;
                out.add(s -> s.ignored(ignored));
            }
        }
    }

    private void track(EventView e, long lineNumber, int index, List<Consumer<Sink>> out) {
        // a warehouse row's event is the table's slug (command_invoked); event_text keeps the name
        EventView.Field text = e.top("event_text");
        String name = text.present() && !e.top("type").present() ? text.requiredText() : e.top("event").requiredText();
        Kind kind = byName.size() < MAX_NAMES ? kind(name) : kindUncached(name);
        if (kind == null) {
            if (config.ignoreEvents().contains(name)) {
                out.add(s -> s.ignored(name));
            } else {
                Named tool = tool(e);
                FlowEvent flow = flow(e, name, tool.name);
                out.add(s -> {
                    if (tool.defaulted) {
                        s.toolDefaulted();
                    }
                    s.flowEvent(lineNumber, index, flow);
                });
            }
            return;
        }
        if (kind == Kind.COMMAND) {
            Invocation whole = new Invocation(lineNumber, index);
            command(e, whole);
            whole.completed = true;
            completed(e, whole);
            out.add(s -> emit(whole, s));
            return;
        }
        String id = e.prop(config.prop("invocation_id")).requiredText();
        Invocation part = new Invocation(lineNumber, index);
        switch (kind) {
            case INVOKED -> command(e, part);
            case COMPLETED -> {
                part.completed = true;
                completed(e, part);
            }
            case FAILED -> {
                part.failed = true;
                part.failedError = e.prop(config.prop("error_type")).text();
                part.failedDuration = e.prop(config.prop("duration_ms")).millis();
                part.failedSource = e.prop(config.prop("error_source")).scalarText();
                part.failedStatus = e.prop(config.prop("http_status")).scalarText();
            }
            default -> throw new IllegalStateException(kind.name());
        }
        out.add(s -> apply(id, part, s));
    }

    /** What a call that ends a command says: exit code (else from succeeded), duration, error. */
    private void completed(EventView e, Invocation part) {
        part.exit = e.prop(config.prop("exit_code")).int32();
        Boolean succeeded = e.prop(config.prop("succeeded")).flag();
        if (part.exit == null && succeeded != null) {
            part.exit = succeeded ? 0 : 1;
        }
        part.duration = e.prop(config.prop("duration_ms")).millis();
        part.error = e.prop(config.prop("error_type")).text();
        part.source = e.prop(config.prop("error_source")).scalarText();
        part.status = e.prop(config.prop("http_status")).scalarText();
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
            sink.merged(inv.parts - 1);
            emit(inv, sink);
        }
    }

    /** The command a call starts (or is): timestamp, ids, tool, version, path, flags, ci, event id. */
    private void command(EventView e, Invocation part) {
        String timestamp = EventTimes.segment(e);
        String actor = actor(e);
        Named tool = tool(e);
        EventView.Field command = e.prop(config.prop("command"));
        CommandPaths.Command path;
        if (!command.present()) {
            throw Rejected.missing(command.name());
        } else if (command.value().isArray()) {
            path = CommandPaths.withTool(tool.name, command.strings());
        } else {
            path = CommandPaths.fromWords(tool.name, command.text());
        }
        List<String> flags = FlagNames.of(e.prop(config.prop("flags_present")));
        part.toolDefaulted = tool.defaulted;
        part.invoked = new NativeEvent(
                timestamp,
                tool.name,
                version(e),
                path.path(),
                flags != null || path.flags().isEmpty() ? flags : path.flags(),
                null,
                null,
                null,
                actor,
                machine(e, actor),
                e.prop(config.prop("session_hint")).text(),
                e.prop(config.prop("ci_detected")).flag(),
                e.top("messageId", "message_id").text(),
                e.prop(config.prop("sequence")).integer());
    }

    private FlowEvent flow(EventView e, String name, String tool) {
        String actor = actor(e);
        return new FlowEvent(
                EventTimes.segment(e),
                name,
                tool,
                version(e),
                actor,
                machine(e, actor),
                e.prop(config.prop("session_hint")).text(),
                e.top("messageId", "message_id").text(),
                FlowProperties.safe(e.properties(), e.flattened() ? this::envelopeColumn : structural::contains));
    }

    /** Export rows mix envelope columns with properties: never keep the envelope's ids, times or context. */
    private boolean envelopeColumn(String key) {
        return structural.contains(key) || ENVELOPE_COLUMNS.contains(key) || key.startsWith("context_");
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

    private record Named(String name, boolean defaulted) {}

    /** The tool: the tool property, else context.app.name, else the default (--tool, else default_tool). */
    private Named tool(EventView e) {
        String tool = e.prop(config.prop("tool_name")).text();
        if (tool == null || tool.isBlank()) {
            tool = e.path("context", "app", "name").text();
        }
        return tool == null || tool.isBlank() ? new Named(config.defaultTool(), true) : new Named(tool.trim(), false);
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
        int parts = 1;
        NativeEvent invoked;
        boolean toolDefaulted;
        boolean completed;
        boolean failed;
        Integer exit;
        Long duration;
        Long failedDuration;
        String error;
        String failedError;
        // error_source and http_status: Command Failed's win over Completed's, as its error_class does
        String source;
        String failedSource;
        String status;
        String failedStatus;

        Invocation(long line, int index) {
            this.firstLine = line;
            this.line = line;
            this.index = index;
        }

        void merge(Invocation p) {
            parts += p.parts;
            if (invoked == null && p.invoked != null) {
                invoked = p.invoked;
                toolDefaulted = p.toolDefaulted;
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
            source = source != null ? source : p.source;
            failedSource = failedSource != null ? failedSource : p.failedSource;
            status = status != null ? status : p.status;
            failedStatus = failedStatus != null ? failedStatus : p.failedStatus;
        }

        NativeEvent merged() {
            NativeEvent i = invoked;
            Integer exitCode = exit != null ? exit : failed ? Integer.valueOf(1) : null;
            String errorType = failedError != null ? failedError : error;
            return new NativeEvent(i.timestamp(), i.toolName(), i.toolVersion(), i.commandPath(), i.flagsPresent(),
                    exitCode, duration != null ? duration : failedDuration, errorType, i.actorId(), i.machineId(), i.sessionHint(), i.ciDetected(),
                    i.eventId(), i.sequence(), failedSource != null ? failedSource : source,
                    failedStatus != null ? failedStatus : status);
        }
    }
}
