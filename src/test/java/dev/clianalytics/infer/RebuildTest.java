package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §5: a full, deterministic rebuild, recorded in infer_runs. */
class RebuildTest extends InferTestBase {
    private static final List<String> TABLES = List.of(
            "SELECT * FROM sessions ORDER BY session_id",
            "SELECT * FROM workflow_runs ORDER BY workflow_run_id",
            "SELECT * FROM workflow_steps ORDER BY workflow_run_id, position",
            "SELECT * FROM hot_paths_fingerprint ORDER BY rank",
            "SELECT * FROM hot_paths_ngram ORDER BY rank");

    @Test
    void twiceInARowGivesIdenticalTablesAndTwoInferRuns() {
        load("hot_paths.jsonl", "outcomes.jsonl", "runs_rules.jsonl");
        infer();
        List<List<String>> first = TABLES.stream().map(this::rows).toList();
        infer();
        assertThat(TABLES.stream().map(this::rows).toList()).isEqualTo(first);
        assertThat(first.get(1)).hasSize(18);
        assertThat(rows("SELECT infer_id, events, sessions, workflow_runs, last_ingest_run_id FROM infer_runs ORDER BY 1"))
                .containsExactly("1 | 31 | 11 | 18 | 3", "2 | 31 | 11 | 18 | 3");
    }

    @Test
    void idsAreDenseAndUnique() {
        load("hot_paths.jsonl", "outcomes.jsonl", "runs_rules.jsonl");
        infer();
        assertThat(rows("SELECT count(*), count(DISTINCT session_id), min(session_id), max(session_id) FROM sessions"))
                .containsExactly("11 | 11 | 1 | 11");
        assertThat(rows("SELECT count(*), count(DISTINCT workflow_run_id), min(workflow_run_id), max(workflow_run_id) FROM workflow_runs"))
                .containsExactly("18 | 18 | 1 | 18");
        assertThat(rows("SELECT count(*), count(DISTINCT (workflow_run_id, position)), count(DISTINCT ingest_seq) FROM workflow_steps"))
                .containsExactly("31 | 31 | 31");
        assertThat(rows("SELECT count(*) FROM workflow_runs r JOIN (SELECT workflow_run_id, max(position) AS n"
                + " FROM workflow_steps GROUP BY 1) s USING (workflow_run_id) WHERE s.n <> r.step_count")).containsExactly("0");
    }

    @Test
    void anEmptyDatabaseGivesEmptyTablesAndSaysSo() {
        CliRun.Result r = infer();
        assertThat(r.err()).startsWith("using the built-in settings: session timeout 30m, default workflows\n"
                + "infer: no events in the database, derived tables are empty");
        assertThat(rows("SELECT count(*) FROM sessions")).containsExactly("0");
        assertThat(rows("SELECT events, sessions, workflow_runs, as_of, last_ingest_run_id FROM infer_runs"))
                .containsExactly("0 | 0 | 0 | null | null");
    }

    @Test
    void fewerEventsAfterASecondInferLeaveNoStaleRows() {
        load("hot_paths.jsonl");
        infer();
        Fixtures.rows(db(), "SELECT 1"); // read-only open between runs works
        assertThat(rows("SELECT count(*) FROM workflow_runs")).containsExactly("5");
        try (var d = dev.clianalytics.db.Database.open(db(), dev.clianalytics.db.DbSettings.defaults())) {
            d.execute("DELETE FROM events WHERE tool_name = 'docker'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        infer();
        assertThat(rows("SELECT count(*) FROM workflow_runs")).containsExactly("4");
        assertThat(rows("SELECT fingerprint FROM hot_paths_fingerprint ORDER BY rank"))
                .containsExactly("terraform/init -> terraform/plan", "terraform/init -> terraform/plan -> terraform/apply");
    }

    @Test
    void theSummaryLineCountsRunsByOutcomeAndQuietSilencesIt() {
        load("outcomes.jsonl");
        CliRun.Result r = infer("--as-of", "2026-03-01T12:00:00Z");
        assertThat(r.err()).matches("using the built-in settings: session timeout 30m, default workflows\n"
                + "infer: 9 events -> 6 sessions, 7 workflow runs"
                + " \\(SUCCESS 1, FAILED 3, ABANDONED 2, IN_PROGRESS 1\\) in \\d+\\.\\d s\\n");
        assertThat(r.out()).isEmpty();
        assertThat(infer("-q").err()).isEmpty();
    }
}
