package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V012 gives failed runs inferred by an earlier build the run that recovered them, as infer now stores it. */
class RecoveryLinksMigrationTest {
    @TempDir
    Path dir;

    @Test
    void failedRunsOfSchema10GetTheFirstLaterSuccessOfTheirNameInTheirSession() throws Exception {
        Path file = dir.resolve("old.duckdb");
        try (Connection c = OldSchema.open(file, 10); Statement st = c.createStatement()) {
            // session 1: apply fails (1), init succeeds (2, another name), apply succeeds twice (3, 4);
            // session 2: apply fails (5) and nothing follows; session 3: apply succeeds (6, another session)
            st.execute("INSERT INTO workflow_runs BY NAME SELECT * FROM (VALUES"
                    + " (1, 1, 'FAILED', 'apply_workflow', 'apply', true, 1000),"
                    + " (2, 1, 'SUCCESS', 'init_workflow', 'init', false, NULL),"
                    + " (3, 1, 'SUCCESS', 'apply_workflow', 'init -> apply', false, NULL),"
                    + " (4, 1, 'SUCCESS', 'apply_workflow', 'apply', false, NULL),"
                    + " (5, 2, 'FAILED', 'apply_workflow', 'apply', false, NULL),"
                    + " (6, 3, 'SUCCESS', 'apply_workflow', 'apply', false, NULL))"
                    + " AS t(workflow_run_id, session_id, outcome, workflow_name, fingerprint, recovered, time_to_recover_ms),"
                    + " (SELECT 'a' AS actor_hash, 'm' AS machine_hash, false AS ci_detected, 'terraform' AS tool_name,"
                    + "  '2026-01-10 10:00:00+00'::TIMESTAMPTZ AS started_at, '2026-01-10 10:01:00+00'::TIMESTAMPTZ AS ended_at,"
                    + "  60000 AS duration_ms, 1 AS step_count)");
        }
        try (Database db = Database.open(file, DbSettings.defaults());
                Statement st = db.connection().createStatement()) {
            assertThat(Db.rows(st, "SELECT workflow_run_id, recovered_by_run_id, recovery_fingerprint FROM workflow_runs"
                    + " ORDER BY workflow_run_id"))
                    .containsExactly("1 | 3 | init -> apply", "2 | null | null", "3 | null | null", "4 | null | null",
                            "5 | null | null", "6 | null | null");
        }
    }
}
