package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.support.CliRun;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** A fresh database per test, fixtures loaded into events, infer run through the real command line. */
abstract class InferTestBase {
    @TempDir
    Path dir;

    Path db() {
        return dir.resolve("test.duckdb");
    }

    void load(String... fixtures) {
        Fixtures.load(db(), fixtures);
    }

    CliRun.Result infer(String... args) {
        List<String> all = new ArrayList<>(List.of("infer"));
        all.addAll(List.of(args));
        CliRun.Result r = CliRun.withDb(db()).run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    List<String> rows(String sql) {
        return Fixtures.rows(db(), sql);
    }

    /** Writes straight into the test database (what a killed or earlier run left, extra events). */
    void execute(String sql) {
        try (Database d = Database.open(db(), DbSettings.defaults())) {
            d.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> sessions() {
        return rows("SELECT session_id, actor_hash, machine_hash, split_reason, started_at, ended_at, event_count,"
                + " workflow_run_count, tools FROM sessions ORDER BY session_id");
    }

    List<String> runs() {
        return rows("SELECT workflow_run_id, session_id, workflow_name, outcome, step_count, fingerprint"
                + " FROM workflow_runs ORDER BY workflow_run_id");
    }
}
