package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V004 turns the stored workflow_steps table into key rows, step triples and a view: nothing is lost. */
class StepTriplesMigrationTest {
    private static final String STEPS = "SELECT workflow_run_id, position, ingest_seq, ts, step, step_with_flags,"
            + " is_entry, is_terminal, exit_code, duration_ms, error_type, ngram2, ngram3"
            + " FROM workflow_steps ORDER BY workflow_run_id, position";

    @TempDir
    Path dir;

    @Test
    void stepsWrittenBySchema3ReadTheSameThroughTheViewAfterTheUpgrade() throws Exception {
        Path file = dir.resolve("old.duckdb");
        List<String> before;
        try (Connection c = OldSchema.open(file, 3); Statement st = c.createStatement()) {
            st.execute("INSERT INTO workflow_steps VALUES"
                    + " (1, 1, 10, '2026-01-10 10:00:00+00', 'terraform/init', 'terraform/init', true, false, 0, 1000, NULL, NULL, NULL),"
                    + " (1, 2, 11, '2026-01-10 10:01:00+00', 'terraform/plan', 'terraform/plan', false, false, 1, 2000, 'Err',"
                    + "  'terraform/init -> terraform/plan', NULL),"
                    + " (2, 1, 12, '2026-01-10 11:00:00+00', 'terraform/init', 'terraform/init', true, false, 0, 900, NULL, NULL, NULL)");
            before = Db.rows(st, STEPS);
        }
        try (Database db = Database.open(file, DbSettings.defaults());
                Statement st = db.connection().createStatement()) {
            assertThat(Db.rows(st, STEPS)).containsExactlyElementsOf(before).hasSize(3);
            assertThat(Db.rows(st, "SELECT count(*) FROM workflow_step_triples")).containsExactly("2");
            assertThat(Db.rows(st, "SELECT count(*) FROM v_workflow_steps")).containsExactly("0"); // no runs stored
        }
    }
}
