package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.support.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An infer that stops half-way (here: fails after a mart is written) leaves the previous results. */
class AtomicityTest extends InferTestBase {
    /** The new tables infer writes before its transaction and swaps in (StagedMarts.SUFFIX). */
    private static final String STAGED_TABLES = "SELECT table_name FROM duckdb_tables() WHERE ends_with(table_name, '_new')";

    @Test
    void aNewTableLeftByAKilledRunIsReplacedByTheNextInfer() {
        load("hot_paths.jsonl");
        infer();
        List<String> steps = rows("SELECT * FROM workflow_steps ORDER BY workflow_run_id, position");
        // what a run killed after writing its new step rows, before its transaction, leaves behind
        execute("CREATE TABLE workflow_step_rows_new AS SELECT * FROM workflow_step_rows LIMIT 1");
        infer();
        assertThat(rows(STAGED_TABLES)).isEmpty();
        assertThat(rows("SELECT * FROM workflow_steps ORDER BY workflow_run_id, position")).isEqualTo(steps);
    }

    @Test
    void moreDistinctStepsThanTheTripleKeyHoldsStopInferWithAClearMessageAndKeepThePreviousResults() {
        load("hot_paths.jsonl");
        infer();
        List<String> runs = rows("SELECT * FROM workflow_runs ORDER BY workflow_run_id");
        // 2^21 more events, each with a step of its own: one distinct step more than 21-bit ids hold
        execute("INSERT INTO events SELECT md5('many-' || i)::UUID, 1, 1000000 + i,"
                + " TIMESTAMPTZ '2026-02-01 00:00:00+00' + to_seconds(i), 'many', NULL, ['many', 'c' || i], [], 0, 10,"
                + " NULL, 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', NULL, false, NULL, 'native', NULL, NULL FROM range(2097152) AS t(i)");
        CliRun.Result r = CliRun.withDb(db()).run("infer");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("using the settings of the last infer: session timeout 30m, default workflows\n"
                + "error: infer failed in int_step_names, previous results kept:")
                .contains("infer supports at most 2,097,151 distinct steps (tool, command path, flags)");
        assertThat(rows("SELECT * FROM workflow_runs ORDER BY workflow_run_id")).isEqualTo(runs);
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("1");
    }

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
            assertThat(rows(STAGED_TABLES)).as("new tables left after failing at " + failAt).isEmpty();
        }
        infer("--session-timeout", "1m");
        assertThat(rows("SELECT infer_id, session_timeout_ms FROM infer_runs ORDER BY 1"))
                .containsExactly("1 | 1800000", "2 | 60000");
    }
}
