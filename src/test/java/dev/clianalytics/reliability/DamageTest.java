package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database, a read-only directory, a full disk: a clear message, SPEC §2's exit code, inputs untouched. */
class DamageTest {
    @TempDir
    Path dir;

    @Test
    void aTruncatedOrOverwrittenDatabaseIsRefusedWithExitFourAndLeftUntouched() throws Exception {
        Random rnd = new Random(5);
        Path input = Children.events(dir, "in.jsonl", rnd, 3000);
        Path good = dir.resolve("good.duckdb");
        assertThat(CliRun.withDb(good).run("ingest", input.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(good).run("infer").exitCode()).isZero();
        for (Damage.Kind kind : Damage.Kind.values()) {
            Damage.check(dir, good, input, kind, rnd);
        }
    }

    @Test
    void aReadOnlyDirectoryGivesAClearMessageAndLeavesTheInputAlone() throws Exception {
        Assumptions.assumeFalse(Damage.isRoot(), "running as root: permissions do not apply, read-only check skipped");
        Path input = Children.events(dir, "in.jsonl", new Random(1), 10);
        Path ro = Files.createDirectory(dir.resolve("ro"));
        ro.toFile().setWritable(false);
        try {
            Result r = CliRun.withDb(ro.resolve("x.duckdb")).run("ingest", input.toString());
            Hostile.assertClean(r, r.toString());
            assertThat(r.exitCode()).as(r.toString()).isIn(1, 4);
            assertThat(r.err()).contains(ro.toString());
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void aFullDiskFailsIngestAndInferWithANoSpaceMessageAndKeepsWhatWasThere() throws Exception {
        Damage.FullDisk disk = Damage.FullDisk.mount(dir.resolve("small"));
        Assumptions.assumeTrue(disk != null, "cannot mount a 2 MiB tmpfs here (needs root): full-disk check skipped");
        try {
            List<String> problems = Damage.fullDisk(dir, disk, new Random(9));
            assertThat(problems).isEmpty();
        } finally {
            disk.close();
        }
    }
}
