package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads PostHog captures and exports (docs/formats.md): CLI execution events become command
 * events, {@code $create_alias} and {@code $identify} become links, every other event is ignored
 * and counted by name. A line is mapped whole or rejected whole.
 */
public final class PostHogReader implements FormatReader {
    private final FormatConfig.PostHog config;
    private final ObjectMapper mapper = Json.mapper();

    public PostHogReader(FormatConfig.PostHog config) {
        this.config = config;
    }

    @Override
    public void accept(String line, long lineNumber, Sink sink) {
        Envelope.mapLine(line, lineNumber, sink, mapper, this::map);
    }

    @Override
    public void finish(Sink sink) {
        // PostHog events are self-contained: nothing is pending.
    }

    private void map(EventView e, long lineNumber, int index, List<Consumer<Sink>> out) {
        String name = e.top("event").requiredText();
        boolean success = config.successEvents().contains(name);
        if (success || config.failureEvents().contains(name)) {
            NativeEvent event = command(e, success);
            out.add(s -> s.event(lineNumber, index, event));
        } else if (config.aliasEvents().contains(name)) {
            String id = distinctId(e);
            String alias = e.prop(config.prop("alias")).requiredText();
            String at = Timestamps.normaliseOrNull(e.top("timestamp").text());
            out.add(s -> s.link(id, alias, at));
        } else if (config.identifyEvents().contains(name)) {
            String id = distinctId(e);
            String anon = e.prop(config.prop("anon_distinct_id")).text();
            String at = Timestamps.normaliseOrNull(e.top("timestamp").text());
            out.add(anon == null || anon.equals(id) ? s -> s.ignored(name) : s -> s.link(id, anon, at));
        } else {
            out.add(s -> s.ignored(name));
        }
    }

    private NativeEvent command(EventView e, boolean success) {
        String timestamp = Timestamps.normalise(e.top("timestamp").requiredText());
        String actor = distinctId(e);
        String machine = e.prop(config.prop("machine_id")).text();
        String tool = e.prop(config.prop("tool_name")).text();
        tool = tool == null || tool.isBlank() ? config.defaultTool() : tool.trim();
        List<String> path = CommandPaths.fromName(tool,
                e.prop(config.prop("command")).requiredText(), config.commandSeparator());
        Integer exit = e.prop(config.prop("exit_code")).int32();
        Integer exitCode = exit != null ? exit : Integer.valueOf(success ? 0 : 1);
        return new NativeEvent(
                timestamp,
                tool,
                e.prop(config.prop("tool_version")).textOrNumber(),
                path,
                e.prop(config.prop("flags_present")).strings(),
                exitCode,
                e.prop(config.prop("duration_ms")).millis(),
                e.prop(config.prop("error_type")).text(),
                actor,
                machine == null ? actor : machine,
                e.prop(config.prop("session_hint")).text(),
                e.prop(config.prop("ci_detected")).bool(),
                e.top("uuid").text(),
                e.prop(config.prop("sequence")).integer());
    }

    /** distinct_id at the top level (capture API, exports), else in properties (posthog-js). */
    private static String distinctId(EventView e) {
        EventView.Field f = e.top("distinct_id");
        if (!f.present()) {
            f = e.prop(List.of("distinct_id"));
        }
        String id = f.requiredText();
        if (id.isBlank()) {
            throw Rejected.missing("distinct_id");
        }
        return id;
    }
}
