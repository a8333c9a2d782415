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
        // PostHog has no envelope field that could be taken for a property: a row without
        // properties (an export) carries them as columns
        Envelope.mapLine(line, lineNumber, sink, mapper, event -> true, this::map);
    }

    @Override
    public void finish(Sink sink) {
        // PostHog events are self-contained: nothing is pending.
    }

    private void map(EventView e, long lineNumber, int index, List<Consumer<Sink>> out) {
        String name = e.top("event").requiredText();
        boolean success = config.successEvents().contains(name);
        if (success || config.failureEvents().contains(name)) {
            Command command = command(e, success);
            out.add(s -> {
                if (command.toolDefaulted) {
                    s.toolDefaulted();
                }
                s.event(lineNumber, index, command.event);
            });
        } else if (config.aliasEvents().contains(name)) {
            String id = distinctId(e);
            String alias = e.prop(config.prop("alias")).requiredText();
            String at = EventTimes.orNull(e, EventTimes::posthog);
            out.add(alias.equals(id) ? s -> s.ignored(name) : s -> s.link(lineNumber, index, id, alias, at));
        } else if (config.identifyEvents().contains(name)) {
            String id = distinctId(e);
            String anon = e.prop(config.prop("anon_distinct_id")).text();
            String at = EventTimes.orNull(e, EventTimes::posthog);
            out.add(anon == null || anon.equals(id) ? s -> s.ignored(name) : s -> s.link(lineNumber, index, id, anon, at));
        } else {
            out.add(s -> s.ignored(name));
        }
    }

    private record Command(NativeEvent event, boolean toolDefaulted) {}

    private Command command(EventView e, boolean success) {
        String timestamp = EventTimes.posthog(e);
        String actor = distinctId(e);
        String machine = e.prop(config.prop("machine_id")).text();
        String tool = e.prop(config.prop("tool_name")).text();
        boolean defaulted = tool == null || tool.isBlank();
        tool = defaulted ? config.defaultTool() : tool.trim();
        CommandPaths.Command command = CommandPaths.fromName(tool,
                e.prop(config.prop("command")).requiredText(), config.commandSeparator());
        List<String> flags = FlagNames.of(e.prop(config.prop("flags_present")));
        Integer exit = e.prop(config.prop("exit_code")).int32();
        Integer exitCode = exit != null ? exit : Integer.valueOf(success ? 0 : 1);
        return new Command(new NativeEvent(
                timestamp,
                tool,
                e.prop(config.prop("tool_version")).textOrNumber(),
                command.path(),
                flags != null || command.flags().isEmpty() ? flags : command.flags(),
                exitCode,
                e.prop(config.prop("duration_ms")).millis(),
                e.prop(config.prop("error_type")).text(),
                actor,
                machine == null ? actor : machine,
                e.prop(config.prop("session_hint")).text(),
                e.prop(config.prop("ci_detected")).flag(),
                e.top("uuid").text(),
                e.prop(config.prop("sequence")).integer(),
                e.prop(config.prop("error_source")).scalarText(),
                e.prop(config.prop("http_status")).scalarText()), defaulted);
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
