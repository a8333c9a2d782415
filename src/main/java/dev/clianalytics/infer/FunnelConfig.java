package dev.clianalytics.infer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The funnels infer computes (docs/funnels.md): the built-in ones, replaced or extended by a --funnels file. */
public record FunnelConfig(List<Funnel> funnels) {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public FunnelConfig {
        funnels = List.copyOf(funnels);
    }

    /**
     * One funnel. builtin: it comes from funnels/defaults.yaml unchanged (listed only when it has data).
     * breakdown: a property of the first step's event, null for none.
     */
    public record Funnel(String name, List<Step> steps, List<String> failureEvents, Duration window, String breakdown,
            boolean builtin) {
        public Funnel {
            steps = List.copyOf(steps);
            failureEvents = List.copyOf(failureEvents);
        }
    }

    /**
     * A step: a flow event by name, or a command event whose path starts with {@code command}
     * (tool first), with the outcome {@code success} or {@code failure} when given.
     */
    public record Step(String name, String event, List<String> command, String outcome) {
        public Step {
            command = command == null ? null : List.copyOf(command);
        }

        /** What the step is called in reports: its name, else the event, else the command words (and outcome). */
        public String label() {
            if (name != null) {
                return name;
            }
            if (event != null) {
                return event;
            }
            return String.join(" ", command) + (outcome == null ? "" : " (" + outcome + ")");
        }
    }

    /** The shipped funnels, from funnels/defaults.yaml. */
    public static FunnelConfig defaults() {
        return FunnelConfigLoader.defaults();
    }

    /** The funnels as stored in infer_runs.funnels_config, keys as in the YAML file. */
    public Map<String, Object> asMap() {
        return Map.of("funnels", funnels.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("steps", f.steps().stream().map(s -> {
                Map<String, Object> step = new LinkedHashMap<>();
                if (s.name() != null) {
                    step.put("name", s.name());
                }
                if (s.event() != null) {
                    step.put("event", s.event());
                } else {
                    step.put("command", s.command());
                }
                if (s.outcome() != null) {
                    step.put("outcome", s.outcome());
                }
                return step;
            }).toList());
            m.put("failure_events", f.failureEvents());
            m.put("window", dev.clianalytics.config.Durations.format(f.window()));
            if (f.breakdown() != null) {
                m.put("breakdown", f.breakdown());
            }
            m.put("builtin", f.builtin());
            return m;
        }).toList());
    }
}
