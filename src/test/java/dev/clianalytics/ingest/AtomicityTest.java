package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.Main;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run is one transaction (SPEC §4.2): aborted, killed or refused, the database is as before. */
class AtomicityTest {
    @TempDir
    Path dir;

    private Path db;

    private Path seeded() throws Exception {
        db = dir.resolve("a.duckdb");
        Path first = Lines.write(dir.resolve("first.jsonl"), List.of(Lines.event("\"sequence\":1"), Lines.event("\"sequence\":2")));
        assertThat(CliRun.withDb(db).run("ingest", first.toString()).exitCode()).isZero();
        return db;
    }

    @Test
    void moreRejectsThanAllowedAbortWithExitThreeAndWriteNothing() throws Exception {
        seeded();
        List<String> before = Db.snapshot(db);
        Path bad = Lines.write(dir.resolve("bad.jsonl"), List.of(Lines.event("\"sequence\":3"), "x", "y", "{}"));

        Result r = CliRun.withDb(db).run("ingest", bad.toString(), "--max-rejects", "2");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("error: 3 lines rejected, more than --max-rejects 2; nothing was written"
                + " (invalid_json 2 (" + bad + ":2, " + bad + ":3); missing_field:timestamp 1 (" + bad + ":4))");
        assertThat(Db.snapshot(db)).isEqualTo(before);
        Result allowed = CliRun.withDb(db).run("ingest", bad.toString(), "--max-rejects", "3");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("3");
    }

    @Test
    void aRunOutOfMemoryNamesItsStepAndTheSettingsAndWritesNothing() throws Exception {
        seeded();
        List<String> before = Db.snapshot(db);
        Path more = Lines.write(dir.resolve("more.jsonl"), List.of(Lines.event("\"sequence\":3")));

        Result r = CliRun.withDb(db).env("CLI_ANALYTICS_MEMORY_LIMIT", "10MB").run("ingest", more.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: ingest ran out of memory in DuckDB during its stage step (its memory"
                + " limit, 9.5 MiB, was reached); nothing was written; raise the limit with CLI_ANALYTICS_MEMORY_LIMIT"
                + " (e.g. 4GB) and give spilling room with CLI_ANALYTICS_TEMP_DIR (docs/scale.md)");
        assertThat(Db.snapshot(db)).isEqualTo(before);
    }

    @Test
    void aRunKilledPartWayLeavesTheDatabaseAsBeforeAndTheNextRunWorks() throws Exception {
        seeded();
        List<String> before = Db.snapshot(db);
        Path big = bigFile(300_000);
        long size = Files.size(db);
        Process child = ChildJvm.start(Main.class, Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT), dir,
                "--db", db.toString(), "ingest", big.toString());
        waitUntilStoring(child, size);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Db.snapshot(db)).isEqualTo(before);
        Path next = Lines.write(dir.resolve("next.jsonl"), List.of(Lines.event("\"sequence\":9")));
        Result r = CliRun.withDb(db).run("ingest", next.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.rows(db, "SELECT run_id, accepted FROM ingest_runs ORDER BY run_id")).containsExactly("1 | 2", "2 | 1");
    }

    @Test
    void twoIngestsAtOnceOneProceedsTheOtherGetsExitFourAndNothingIsLost() throws Exception {
        seeded();
        Path big = bigFile(100_000);
        Process child = ChildJvm.start(Main.class, Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT), dir,
                "--db", db.toString(), "ingest", big.toString());
        waitUntilWriting(child);
        Path other = Lines.write(dir.resolve("other.jsonl"), List.of(Lines.event("\"sequence\":-1")));

        Result busy = CliRun.withDb(db).run("ingest", other.toString());

        assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(4);
        assertThat(busy.err()).contains("error: database " + db + " is in use by another process (PID " + child.pid() + ")");
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(CliRun.withDb(db).run("ingest", other.toString()).exitCode()).isZero();
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo(String.valueOf(2 + 100_000 + 1));
    }

    /** Distinct events by repetition of one line with a changing sequence. */
    private Path bigFile(int lines) throws Exception {
        Path file = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < lines; i++) {
                w.write(Lines.event("\"error_type\":\"open /home/u/f" + (i % 97) + ": denied\",\"sequence\":" + (1000 + i)));
                w.write('\n');
            }
        }
        return file;
    }

    /** Waits until the child holds the database's lock (so we never race it for the lock). */
    private void waitUntilWriting(Process child) throws Exception {
        ChildJvm.waitUntilLocked(child, db, 60);
    }

    /** Waits, after the start, until the child writes table data (the file grows or a WAL appears). */
    private void waitUntilStoring(Process child, long sizeBefore) throws Exception {
        waitUntilWriting(child);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Path wal = db.resolveSibling(db.getFileName() + ".wal");
        while (Files.size(db) <= sizeBefore && !Files.exists(wal)) {
            assertThat(child.isAlive()).as("the child ended before it stored anything").isTrue();
            assertThat(System.nanoTime()).as("the child never stored anything").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

}
