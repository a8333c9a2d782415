package dev.clianalytics.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.infer.FunnelConfig;
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
     * the latest event end), ${as_of_given}, ${workflows_file}, ${workflows_config}, ${funnels_file}
     * and ${funnels_config} (what infer records in infer_runs).
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
                .replace("${workflows_config}", literal(json(w.asMap())))
                .replace("${funnels_file}", settings.funnelsFile() == null ? "CAST(NULL AS STRING)"
                        : literal(settings.funnelsFile()))
                .replace("${funnels_config}", literal(json(settings.funnels().asMap())));
    }

    /**
     * The funnels of the settings as a query with infer's TEMP table infer_funnels' columns
     * (FunnelSettings): name, position from 1, window, breakdown, built-in or not, steps, failure events.
     */
    String funnelsSql() {
        List<FunnelConfig.Funnel> funnels = settings.funnels().funnels();
        if (funnels.isEmpty()) {
            return "SELECT CAST(NULL AS STRING) AS funnel, 0 AS position, 0L AS window_ms, CAST(NULL AS STRING) AS breakdown,"
                    + " false AS builtin, 0 AS step_count, CAST(array() AS ARRAY<STRING>) AS failure_events WHERE false";
        }
        StringBuilder b = new StringBuilder("SELECT * FROM VALUES ");
        for (int i = 0; i < funnels.size(); i++) {
            FunnelConfig.Funnel f = funnels.get(i);
            b.append(i == 0 ? "" : ", ").append('(').append(literal(f.name())).append(", ").append(i + 1).append(", ")
                    .append(f.window().toMillis()).append("L, ")
                    .append(f.breakdown() == null ? "CAST(NULL AS STRING)" : literal(f.breakdown())).append(", ")
                    .append(f.builtin()).append(", ").append(f.steps().size()).append(", ").append(list(f.failureEvents()))
                    .append(')');
        }
        return b.append(" AS f(funnel, position, window_ms, breakdown, builtin, step_count, failure_events)").toString();
    }

    /** The steps of the funnels, as infer_funnel_steps: funnel, step from 1, its name, its event or command words and outcome. */
    String funnelStepsSql() {
        StringBuilder b = new StringBuilder();
        for (FunnelConfig.Funnel f : settings.funnels().funnels()) {
            int step = 0;
            for (FunnelConfig.Step s : f.steps()) {
                b.append(b.length() == 0 ? "SELECT * FROM VALUES " : ", ").append('(').append(literal(f.name())).append(", ")
                        .append(++step).append(", ").append(literal(s.label())).append(", ")
                        .append(s.event() == null ? "CAST(NULL AS STRING)" : literal(s.event())).append(", ")
                        .append(s.command() == null ? "CAST(NULL AS ARRAY<STRING>)" : list(s.command())).append(", ")
                        .append(s.outcome() == null ? "CAST(NULL AS STRING)" : literal(s.outcome())).append(')');
            }
        }
        return b.length() == 0
                ? "SELECT CAST(NULL AS STRING) AS funnel, 0 AS step, CAST(NULL AS STRING) AS step_name,"
                        + " CAST(NULL AS STRING) AS event_name, CAST(NULL AS ARRAY<STRING>) AS command,"
                        + " CAST(NULL AS STRING) AS outcome WHERE false"
                : b.append(" AS s(funnel, step, step_name, event_name, command, outcome)").toString();
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

    /** Settings as infer records them in infer_runs (WorkflowConfig.asMap, FunnelConfig.asMap: compact JSON). */
    static String json(java.util.Map<String, Object> config) {
        try {
            return new ObjectMapper().writeValueAsString(config);
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
