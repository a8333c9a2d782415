package dev.clianalytics.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.infer.WorkflowConfig;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The inference settings the job applies (JobOptions resolves them as infer does: options, then the
 * settings file, then the built-in ones), written into its Spark SQL as literals.
 */
record JobSettings(InferSettings settings) {

    /**
     * The SQL with the settings written in: ${entry_commands} and ${terminal_commands} (arrays of
     * strings), ${session_timeout_us} and _ms, ${as_of_us} (the --as-of instant, or NULL for
     * the latest event end), ${as_of_given}, ${workflows_file} and ${workflows_config} (what infer
     * records in infer_runs).
     */
    String apply(String sql) {
        WorkflowConfig w = settings.workflows();
        return sql.replace("${entry_commands}", list(w.entryCommands()))
                .replace("${terminal_commands}", list(w.terminalCommands()))
                .replace("${session_timeout_us}", Long.toString(settings.sessionTimeout().toMillis() * 1000))
                .replace("${session_timeout_ms}", Long.toString(settings.sessionTimeout().toMillis()))
                .replace("${as_of_us}", settings.asOf() == null ? "CAST(NULL AS BIGINT)"
                        : Long.toString(Math.multiplyExact(settings.asOf().getEpochSecond(), 1_000_000L)
                                + settings.asOf().getNano() / 1000))
                .replace("${as_of_given}", Boolean.toString(settings.asOf() != null))
                .replace("${workflows_file}", settings.workflowsFile() == null ? "CAST(NULL AS STRING)"
                        : literal(settings.workflowsFile()))
                .replace("${workflows_config}", literal(json(w)));
    }

    /**
     * The custom workflow names of the settings as a query (tool_name, terminal, workflow_name), for
     * TEMP VIEW workflow_names (int_run_names: the tool compared case-insensitively).
     */
    String workflowNamesSql() {
        List<WorkflowConfig.WorkflowName> names = settings.workflows().workflowNames();
        if (names.isEmpty()) {
            return "SELECT CAST(NULL AS STRING) AS tool_name, CAST(NULL AS STRING) AS terminal,"
                    + " CAST(NULL AS STRING) AS workflow_name WHERE false";
        }
        return "SELECT * FROM VALUES " + names.stream()
                .map(n -> "(" + literal(n.tool()) + ", " + literal(n.terminal()) + ", " + literal(n.name()) + ")")
                .collect(Collectors.joining(", ")) + " AS w(tool_name, terminal, workflow_name)";
    }

    /** The settings as infer records them in infer_runs.workflows_config (WorkflowConfig.asMap, compact JSON). */
    static String json(WorkflowConfig w) {
        try {
            return new ObjectMapper().writeValueAsString(w.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SQL array of a list of commands (an empty one typed, so that array_contains takes it). */
    private static String list(List<String> commands) {
        return "CAST(array(" + commands.stream().map(JobSettings::literal).collect(Collectors.joining(", "))
                + ") AS ARRAY<STRING>)";
    }

    /** A Spark SQL string literal (backslash escapes, Spark's default). */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
