package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V009 gives step rows inferred by an earlier build the gap and end outcome that infer now stores. */
class GraphStepsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void stepRowsOfSchema8GetTheirGapsAndTheirRunsOutcomeOnTheLastStep() throws Exception {
        Path file = dir.resolve("old.duckdb");
        try (Connection c = OldSchema.open(file, 8); Statement st = c.createStatement()) {
            st.execute("INSERT INTO workflow_runs BY NAME SELECT * FROM (VALUES"
                    + " (1, 1, 'a', 'm', false, 'terraform', NULL, 'apply_workflow', 'FAILED',"
                    + "  '2026-01-10 10:00:00+00'::TIMESTAMPTZ, '2026-01-10 10:01:02+00'::TIMESTAMPTZ, 62000, 2, 'x', 1, NULL, false, NULL),"
                    + " (2, 1, 'a', 'm', false, 'terraform', NULL, 'init_workflow', 'ABANDONED',"
                    + "  '2026-01-10 11:00:00+00'::TIMESTAMPTZ, '2026-01-10 11:00:00.900+00'::TIMESTAMPTZ, 900, 1, 'y', 0, NULL, false, NULL))"
                    + " AS t(workflow_run_id, session_id, actor_hash, machine_hash, ci_detected, tool_name, tool_version,"
                    + " workflow_name, outcome, started_at, ended_at, duration_ms, step_count, fingerprint, last_exit_code,"
                    + " last_error_type, recovered, time_to_recover_ms)");
            st.execute("INSERT INTO workflow_step_rows VALUES"
                    + " (1, 1, 10, '2026-01-10 10:00:00+00', 0, 1000, NULL, 7),"
                    + " (1, 2, 11, '2026-01-10 10:01:00+00', 1, 2000, 'Err', 8),"
                    + " (2, 1, 12, '2026-01-10 11:00:00+00', 0, NULL, NULL, 7)");
        }
        try (Database db = Database.open(file, DbSettings.defaults());
                Statement st = db.connection().createStatement()) {
            assertThat(Db.rows(st, "SELECT workflow_run_id, position, gap_us, end_outcome FROM workflow_step_rows"
                    + " ORDER BY workflow_run_id, position"))
                    .containsExactly("1 | 1 | null | null", "1 | 2 | 59000000 | FAILED", "2 | 1 | null | ABANDONED");
        }
    }
}
