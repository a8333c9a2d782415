package dev.clianalytics.infer;

import dev.clianalytics.sql.SqlResources;
import java.util.List;

/**
 * What infer builds, in dependency order (docs/infer.md): the macros every model may call, the
 * intermediate models, the marts and the aggregates stored after them. Only the order and the kind
 * of each step live here; InferService runs them.
 */
final class InferPlan {
    /** Macro files created first, in this order: the encodings, then the rules that use them. */
    static final List<String> MACROS = List.of("sql/macros/encodings.sql", "sql/macros/rules.sql");

    /** Derived tables, emptied and refilled by every run. */
    static final List<String> MARTS = List.of(
            "workflow_step_rows", "workflow_step_triples", "workflow_runs", "sessions", "hot_paths_fingerprint",
            "hot_paths_ngram", "summary_totals", "workflow_stats", "version_counts",
            "funnels", "funnel_steps", "funnel_attempts", "funnel_drop_off_commands");

    /**
     * The models in dependency order: intermediate ones become TEMP tables (or a TEMP view, read
     * by the next model in the same query, so its rows are never written out), marts are inserted
     * into their table. Each step names the TEMP tables no later step reads, dropped to free memory.
     */
    static final List<Step> STEPS = List.of(
            Step.temp("int_actor_identity"),
            Step.temp("int_actor_machines"),
            Step.temp("int_step_names"),
            Step.temp("int_texts"),
            Step.temp("int_run_names"),
            Step.temp("int_hints"),
            Step.view("int_events_sessionized"),
            Step.temp("int_steps"),
            Step.temp("int_pair_offsets"),
            Step.temp("int_step_triples"),
            Step.staged("workflow_step_rows"),
            Step.temp("int_runs"),
            Step.temp("int_fingerprints", "int_steps", "int_pair_offsets"),
            Step.temp("int_funnel_events"),
            Step.mart("workflow_step_triples", "int_step_triples"),
            Step.sliced("workflow_runs", "int_fingerprints", "int_texts", "int_run_names"),
            Step.sliced("sessions"),
            Step.mart("funnels"),
            Step.mart("funnel_steps"),
            Step.mart("funnel_attempts", "int_funnel_events"),
            Step.mart("funnel_drop_off_commands"));

    /** The steps after the models, as progress names them (the shared aggregates, then the commit). */
    static final List<String> AFTER_MODELS = List.of("hot_paths_fingerprint", "hot_paths_ngram", "summary_totals", "commit");

    private InferPlan() {}

    /** One model and how it is written. */
    record Step(String model, boolean mart, boolean view, boolean staged, boolean sliced, String... drops) {
        static Step temp(String model, String... drops) {
            return new Step(model, false, false, false, false, drops);
        }

        static Step view(String model) {
            return new Step(model, false, true, false, false);
        }

        static Step mart(String model, String... drops) {
            return new Step(model, true, false, false, false, drops);
        }

        /** A mart written a slice of sessions at a time when the runs outgrow the memory limit (InferSlices). */
        static Step sliced(String model, String... drops) {
            return new Step(model, true, false, false, true, drops);
        }

        /** A mart written into its new table before the transaction, which swaps it in (StagedMarts). */
        static Step staged(String model, String... drops) {
            return new Step(model, true, false, true, false, drops);
        }

        /** Run before the transaction: intermediates and staged marts. */
        boolean early() {
            return !mart || staged;
        }

        /** A TEMP table that infer drops when it ends. */
        boolean temporaryTable() {
            return !mart && !view;
        }

        String sql() {
            return SqlResources.load((mart ? "sql/marts/" : "sql/intermediate/") + model + ".sql");
        }
    }

    static List<Step> early() {
        return STEPS.stream().filter(Step::early).toList();
    }

    static List<Step> inTransaction() {
        return STEPS.stream().filter(s -> !s.early()).toList();
    }

    static List<Step> staged() {
        return STEPS.stream().filter(Step::staged).toList();
    }

    static int stepCount() {
        return STEPS.size() + AFTER_MODELS.size();
    }
}
