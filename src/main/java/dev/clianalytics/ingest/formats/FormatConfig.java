package dev.clianalytics.ingest.formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which event names and properties the PostHog and Segment readers read: the {@code posthog:} and
 * {@code segment:} sections of the workflows settings file (docs/formats.md). The defaults are the
 * names the seed CLIs send. Property entries list candidate names, the first present one wins.
 */
public record FormatConfig(PostHog posthog, Segment segment) implements java.io.Serializable {

    public static FormatConfig defaults() {
        return new FormatConfig(PostHog.defaults(), Segment.defaults());
    }

    /**
     * These settings with {@code tool} as the tool of events that name none (ingest's --tool): it
     * takes the place of both formats' default_tool.
     */
    public FormatConfig withDefaultTool(String tool) {
        return new FormatConfig(
                new PostHog(tool, posthog.commandSeparator(), posthog.successEvents(), posthog.failureEvents(),
                        posthog.aliasEvents(), posthog.identifyEvents(), posthog.properties()),
                new Segment(tool, segment.invokedEvents(), segment.completedEvents(), segment.failedEvents(),
                        segment.commandEvents(), segment.ignoreEvents(), segment.properties()));
    }

    /** PostHog captures: command events by name, identity events, property names per native field. */
    public record PostHog(
            String defaultTool,
            String commandSeparator,
            Set<String> successEvents,
            Set<String> failureEvents,
            Set<String> aliasEvents,
            Set<String> identifyEvents,
            Map<String, List<String>> properties) implements java.io.Serializable {

        static final Map<String, List<String>> DEFAULT_PROPERTIES = ordered(
                "command", List.of("command_name"),
                "tool_name", List.of("tool_name"),
                "tool_version", List.of("cli_version"),
                "exit_code", List.of("exit_code"),
                "duration_ms", List.of("duration_ms", "duration"),
                "error_type", List.of("error_message"),
                "error_source", List.of("error_source"),
                "http_status", List.of("http_status"),
                "machine_id", List.of("machine_id", "$device_id"),
                "flags_present", List.of("flags"),
                "session_hint", List.of("session_hint"),
                "ci_detected", List.of("ci", "is_ci"),
                "sequence", List.of("sequence", "event_index"),
                "alias", List.of("alias"),
                "anon_distinct_id", List.of("$anon_distinct_id"));

        public static PostHog defaults() {
            return new PostHog("cli", ".", Set.of("CLI execution succeeded"), Set.of("CLI execution failed"),
                    Set.of("$create_alias"), Set.of("$identify"), DEFAULT_PROPERTIES);
        }

        public List<String> prop(String field) {
            return properties.get(field);
        }
    }

    /**
     * Segment track calls: the lifecycle events of one invocation, the calls that are a whole command
     * by themselves (one call per command, its outcome in its properties), and property names per
     * native field.
     */
    public record Segment(
            String defaultTool,
            Set<String> invokedEvents,
            Set<String> completedEvents,
            Set<String> failedEvents,
            Set<String> commandEvents,
            Set<String> ignoreEvents,
            Map<String, List<String>> properties) implements java.io.Serializable {

        static final Map<String, List<String>> DEFAULT_PROPERTIES = ordered(
                "invocation_id", List.of("invocation_id"),
                "command", List.of("command_path", "command"),
                "tool_name", List.of("tool"),
                "tool_version", List.of("version"),
                "flags_present", List.of("flags"),
                "exit_code", List.of("exit_code"),
                "succeeded", List.of("succeeded"),
                "duration_ms", List.of("duration_ms"),
                "error_type", List.of("error_class"),
                "error_source", List.of("error_source"),
                "http_status", List.of("http_status"),
                // not event_index: it restarts at 0 in every invocation (Command Invoked is always 0)
                "sequence", List.of("sequence"),
                "session_hint", List.of("session_hint"),
                "ci_detected", List.of("ci", "is_ci"));

        public static Segment defaults() {
            return new Segment("cli", Set.of("Command Invoked"), Set.of("Command Completed"),
                    Set.of("Command Failed"), Set.of(), Set.of(), DEFAULT_PROPERTIES);
        }

        public List<String> prop(String field) {
            return properties.get(field);
        }
    }

    private static Map<String, List<String>> ordered(Object... keyValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) keyValues[i + 1];
            m.put((String) keyValues[i], v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
