package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Infer tells its progress listener every step, in order, by its model's name; the database's estimates stay in 0..1. */
class InferProgressTest extends InferTestBase {
    private record Update(int step, int steps, String name, double fraction) {}

    @Test
    void everyStepIsAnnouncedInOrderWithItsModelAndTheCount() throws Exception {
        load("hot_paths.jsonl");
        List<Update> updates = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Database d = Database.open(db(), DbSettings.defaults())) {
            InferService.run(d, InferSettings.defaults(), (step, steps, name, fraction) ->
                    updates.add(new Update(step, steps, name, fraction)));
            try (Statement st = d.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_setting('enable_progress_bar')")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the database's progress tracking is put back").isFalse();
            }
        }
        List<String> starts = updates.stream().filter(u -> u.fraction() == -1)
                .map(u -> u.step() + "/" + u.steps() + " " + u.name()).distinct().toList();
        assertThat(starts).containsExactly(
                "1/25 int_actor_identity", "2/25 int_actor_machines", "3/25 int_step_names", "4/25 int_texts",
                "5/25 int_run_names", "6/25 int_hints", "7/25 int_events_sessionized", "8/25 int_steps",
                "9/25 int_pair_offsets", "10/25 int_step_triples", "11/25 workflow_step_rows", "12/25 int_runs",
                "13/25 int_fingerprints", "14/25 int_funnel_events", "15/25 workflow_step_triples", "16/25 workflow_runs",
                "17/25 sessions", "18/25 funnels", "19/25 funnel_steps", "20/25 funnel_attempts",
                "21/25 funnel_drop_off_commands", "22/25 hot_paths_fingerprint", "23/25 hot_paths_ngram",
                "24/25 summary_totals", "25/25 commit");
        assertThat(updates).allSatisfy(u -> assertThat(u.fraction()).satisfiesAnyOf(
                f -> assertThat(f).isEqualTo(-1.0), f -> assertThat(f).isBetween(0.0, 1.0)));
    }
}
