package dev.clianalytics.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which leaf commands start and end workflow runs, and custom run names (SPEC §5.2). Command
 * names are lower-case, as sanitized command paths are.
 */
public record WorkflowConfig(List<String> entryCommands, List<String> terminalCommands, List<WorkflowName> workflowNames) {
    public WorkflowConfig {
        entryCommands = List.copyOf(entryCommands);
        terminalCommands = List.copyOf(terminalCommands);
        workflowNames = List.copyOf(workflowNames);
    }

    /** A custom name for runs of {@code tool} whose terminal command is {@code terminal}. */
    public record WorkflowName(String tool, String terminal, String name) {}

    /** The shipped defaults, from workflows/defaults.yaml. */
    public static WorkflowConfig defaults() {
        return WorkflowConfigLoader.defaults();
    }

    /** The settings as stored in infer_runs.workflows_config, keys as in the YAML file. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("entry_commands", entryCommands);
        map.put("terminal_commands", terminalCommands);
        map.put("workflow_names", workflowNames.stream().map(w -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("tool", w.tool());
            m.put("terminal", w.terminal());
            m.put("name", w.name());
            return m;
        }).toList());
        return map;
    }
}
