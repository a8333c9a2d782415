package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An infer that stops half-way (here: fails after a mart is written) leaves the previous results. */
class AtomicityTest extends InferTestBase {
    @Test
    void aFailureAfterTheFirstMartsKeepsEveryPreviousTable() {
        load("hot_paths.jsonl");
        infer();
        List<String> queries = List.of(
                "SELECT * FROM sessions ORDER BY session_id",
                "SELECT * FROM workflow_runs ORDER BY workflow_run_id",
                "SELECT * FROM workflow_steps ORDER BY workflow_run_id, position",
                "SELECT * FROM hot_paths_ngram ORDER BY rank",
                "SELECT infer_id FROM infer_runs");
        List<List<String>> before = queries.stream().map(this::rows).toList();
        for (String failAt : List.of("int_steps", "workflow_step_triples", "workflow_step_rows", "workflow_runs", "sessions")) {
            try (Database d = Database.open(db(), DbSettings.defaults())) {
                InferSettings shorter = InferSettings.defaults().withSessionTimeout(java.time.Duration.ofMinutes(1));
                assertThatThrownBy(() -> InferService.run(d, shorter, model -> {
                    if (model.equals(failAt)) {
                        throw new IllegalStateException("stopped after " + model);
                    }
                })).hasMessage("stopped after " + failAt);
            }
            assertThat(queries.stream().map(this::rows).toList()).as("after failing at " + failAt).isEqualTo(before);
        }
        infer("--session-timeout", "1m");
        assertThat(rows("SELECT infer_id, session_timeout_ms FROM infer_runs ORDER BY 1"))
                .containsExactly("1 | 1800000", "2 | 60000");
    }
}
