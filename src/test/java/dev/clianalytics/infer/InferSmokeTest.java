package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferSmokeTest {
    @TempDir
    Path dir;

    @Test
    void smoke() {
        Path db = dir.resolve("a.duckdb");
        Fixtures.load(db, "terraform_basic.jsonl");
        CliRun.Result r = CliRun.withDb(db).run("infer");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        System.out.println(r);
        System.out.println(Fixtures.rows(db, "SELECT * FROM sessions"));
        System.out.println(Fixtures.rows(db, "SELECT * FROM workflow_runs"));
        System.out.println(Fixtures.rows(db, "SELECT * FROM workflow_steps"));
        System.out.println(Fixtures.rows(db, "SELECT * FROM infer_runs"));
    }
}
