package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.reliability.CrashKind.Command;
import dev.clianalytics.reliability.CrashKind.Signal;
import dev.clianalytics.reliability.Crashes.Outcome;
import dev.clianalytics.reliability.Crashes.Sizes;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals at random moments of a first ingest, a later ingest and infer, two kinds each (bench/torture
 * runs every kind many times; InterruptCleanupTest SIGTERM and Ctrl-C of a first ingest): all or
 * nothing stored, the next run gives what a clean run gives, nothing left behind. The second signal
 * of each comes right after the database was opened, so it lands mid-run.
 */
class CrashTest {
    private static final Sizes SIZES = new Sizes(10_000, 10_000, 600, 1000);
    private static final Sizes AT_ONCE = new Sizes(10_000, 10_000, 0, 0);

    @TempDir
    Path dir;

    @Test
    void aKilledOrInterruptedFirstIngestLeavesNothingOrADatabaseWithEverything() throws Exception {
        Random rnd = new Random(6);
        Crashes.round(dir.resolve("r1"), null, new CrashKind(Command.FIRST_INGEST, Signal.KILL, 2), rnd, SIZES);
        assertThat(Crashes.round(dir.resolve("r2"), null, new CrashKind(Command.FIRST_INGEST, Signal.INT, 1), rnd, AT_ONCE)
                .outcome()).isEqualTo(Outcome.KILLED);
    }

    @Test
    void aKilledOrTerminatedLaterIngestLeavesAllOrNothingAndTheRetryGivesTheCleanResult() throws Exception {
        Random rnd = new Random(7);
        Crashes.Bed bed = Crashes.Bed.create(dir.resolve("bed"), rnd, 10);
        Crashes.round(dir.resolve("r1"), bed, new CrashKind(Command.INGEST, Signal.KILL, 1), rnd, SIZES);
        assertThat(Crashes.round(dir.resolve("r2"), bed, new CrashKind(Command.INGEST, Signal.TERM, 0), rnd, AT_ONCE)
                .outcome()).isEqualTo(Outcome.KILLED);
    }

    @Test
    void aKilledOrInterruptedInferKeepsThePreviousResultsAndTheNextInferGivesTheCleanResult() throws Exception {
        Random rnd = new Random(8);
        Crashes.Bed bed = Crashes.Bed.create(dir.resolve("bed"), rnd, 30_000);
        Crashes.round(dir.resolve("r1"), bed, new CrashKind(Command.INFER, Signal.KILL, 1), rnd, SIZES);
        assertThat(Crashes.round(dir.resolve("r2"), bed, new CrashKind(Command.INFER, Signal.INT, 0), rnd, AT_ONCE)
                .outcome()).isEqualTo(Outcome.KILLED);
    }
}
