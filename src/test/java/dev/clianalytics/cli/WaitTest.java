package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.Main;
import dev.clianalytics.db.HoldDatabase;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --wait: a command waits for another process's lock on the database instead of failing at once (exit 4). */
class WaitTest {
    @TempDir
    Path dir;

    Path db;
    Process holder;

    @BeforeEach
    void fixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    @AfterEach
    void release() throws Exception {
        if (holder != null) {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Another process opens the database for writing and holds it until its stdin closes. */
    private void hold() throws Exception {
        holder = ChildJvm.start(HoldDatabase.class, Map.of(), dir, db.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
    }

    @Test
    void withoutWaitABusyDatabaseIsExitFourAndTheMessageSaysHowToWait() throws Exception {
        hold();
        Result r = CliRun.withDb(db).run("report", "summary");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(r.err()).isEqualTo("error: database " + db + " is in use by another process (PID " + holder.pid()
                + "); try again when it has finished, or add --wait to wait for it\n");
    }

    @Test
    void aWaitThatExpiresIsExitFourWithAClearMessage() throws Exception {
        hold();
        for (String[] args : new String[][] {{"report", "summary", "--wait", "1s"}, {"infer", "--wait=1s"},
                {"ingest", "--wait", "1s", dir.resolve("fixture.jsonl").toString()}}) {
            Result r = CliRun.withDb(db).run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
            String busy = "database " + db + " is in use by another process (PID " + holder.pid() + ")";
            assertThat(r.err()).as(r.toString()).isEqualTo(busy + ": waiting up to 1s for it\nerror: database " + db
                    + " is still in use by another process (PID " + holder.pid() + ") after waiting 1s; try again when"
                    + " it has finished, or wait longer (e.g. --wait 5s)\n");
        }
    }

    @Test
    void aReportWaitsForTheLockAndThenRuns() throws Exception {
        String expected = CliRun.withDb(db).run("report", "summary").out();
        hold();
        ProcessBuilder pb = ChildJvm.builder(Main.class, Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT), dir,
                "--db", db.toString(), "report", "summary", "--wait");
        Path out = dir.resolve("report.out");
        Path err = dir.resolve("report.err");
        Process report = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String waiting = "database " + db + " is in use by another process (PID " + holder.pid()
                    + "): waiting up to 1m for it\n";
            // polled, not timed: the report says it waits before the holder lets go
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err).equals(waiting)) {
                assertThat(report.isAlive()).as("the report ended early: " + Files.readString(err)).isTrue();
                assertThat(System.nanoTime() - deadline).as("the report never said it waits").isNegative();
                Thread.sleep(20);
            }
            release();
            holder = null;
            assertThat(report.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(report.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(err)).isEqualTo(waiting);
            assertThat(Files.readString(out)).isEqualTo(expected);
        } finally {
            report.destroy();
        }
    }

    @Test
    void waitTakesOnlyADurationSoTheNextArgumentStaysTheCommands() {
        Result report = CliRun.withDb(db).run("report", "workflow", "--wait", "apply_workflow", "--top", "1");
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.out()).startsWith("Workflow apply_workflow\n");
        Result ingest = CliRun.withDb(db).run("ingest", "--wait", dir.resolve("fixture.jsonl").toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        assertThat(ingest.err()).contains("18 duplicates");
        Result export = CliRun.withDb(db).run("export", "events", "--to", dir.resolve("out").toString(), "--wait=5m");
        assertThat(export.exitCode()).as(export.toString()).isZero();
    }

    @Test
    void aWaitWithoutAUnitIsAUsageError() {
        Result r = CliRun.withDb(db).run("infer", "--wait", "30");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: Invalid value for option '--wait': '30' is not a duration; use a number and a unit");
    }
}
