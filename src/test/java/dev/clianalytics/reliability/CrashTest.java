package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL and Ctrl-C at random moments of ingest and infer, a few rounds (bench/torture runs many). */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killedOrInterruptedIngestsLeaveAllOrNothingAndTheNextRunWorks() throws Exception {
        Random rnd = new Random(7);
        Path db = dir.resolve("crash.duckdb");
        Path seed = Crashes.events(dir, "seed.jsonl", rnd, 10);
        assertThat(CliRun.withDb(db).run("ingest", seed.toString()).exitCode()).isZero();

        Crashes.ingestRound(dir, db, rnd, "KILL", 30_000, 1500);
        Crashes.ingestRound(dir, db, rnd, "KILL", 30_000, 1500);
        assertThat(Crashes.ingestRound(dir, db, rnd, "INT", 30_000, 0)).isEqualTo(Crashes.Outcome.KILLED);
    }

    @Test
    void killedOrInterruptedInfersKeepThePreviousResultsAndTheNextInferWorks() throws Exception {
        Random rnd = new Random(8);
        Path db = dir.resolve("crash.duckdb");
        Path seed = Crashes.events(dir, "seed.jsonl", rnd, 30_000);
        assertThat(CliRun.withDb(db).run("ingest", seed.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(db).run("infer").exitCode()).isZero();

        Crashes.inferRound(dir, db, rnd, "KILL", 1000);
        Crashes.inferRound(dir, db, rnd, "KILL", 1000);
        assertThat(Crashes.inferRound(dir, db, rnd, "INT", 0)).isEqualTo(Crashes.Outcome.KILLED);
    }
}
