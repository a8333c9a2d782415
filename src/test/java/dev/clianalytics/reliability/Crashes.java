package dev.clianalytics.reliability;

import dev.clianalytics.ingest.Salt;
import dev.clianalytics.reliability.Children.Child;
import dev.clianalytics.reliability.Children.Launch;
import dev.clianalytics.reliability.CrashKind.Command;
import dev.clianalytics.reliability.CrashKind.Signal;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One crash round: a child JVM runs the real Main, gets a signal a random (seeded) time after it
 * opened the database, and then the database must open and hold exactly what it held before or
 * exactly what a clean run gives (a twin database that got the same batches, uninterrupted); the
 * next command on it must work and give the clean result too, and nothing may be left lying around.
 */
final class Crashes {
    static final String INTERRUPTED = "interrupted: nothing from this run was written";

    private Crashes() {}

    /** What a round ended as: the signal landed (killed), the run had already finished, or it landed after the commit. */
    enum Outcome { KILLED, FINISHED, AFTER_COMMIT }

    /**
     * A round's outcome, the temporary files its child left (only a SIGKILL may: nothing runs then)
     * and whether it left the spill directory (which the next command must remove).
     */
    record Result(Outcome outcome, int tempsLeft, boolean spillLeft) {}

    /**
     * Events per batch and the latest moment of the signal, in ms after the child opened the
     * database, for ingest and for infer (which runs longer and spills late in its run).
     */
    record Sizes(int firstIngest, int ingest, int ingestDelayMs, int inferDelayMs) {
        static final Sizes TORTURE = new Sizes(10_000, 10_000, 600, 1000);
    }

    /** The database later ingests and infers are interrupted on, and its twin that only ever gets clean runs. */
    record Bed(Path db, Path twin) {
        /** Both with the same {@code events} seed events, inferred. */
        static Bed create(Path dir, Random rnd, int events) throws IOException {
            Files.createDirectories(dir);
            Bed bed = new Bed(dir.resolve("crash.duckdb"), dir.resolve("twin.duckdb"));
            Path seed = Children.events(dir, "seed.jsonl", rnd, events);
            for (Path db : List.of(bed.db, bed.twin)) {
                require(CliRun.withDb(db).run("ingest", seed.toString()), "seeding " + db);
                require(CliRun.withDb(db).run("infer"), "seeding " + db);
            }
            Files.delete(seed);
            return bed;
        }
    }

    /** The facts of one round, gathered as it goes; every failure message carries them all. */
    private static final class Round {
        final CrashKind kind;
        final Path dir;
        final Path db;
        final Path tmp;
        int delayMs;
        int code;
        String stderr = "";
        List<String> files = List.of();
        List<String> temps = List.of();
        String state = "";

        Round(CrashKind kind, Path dir, Path db) {
            this.kind = kind;
            this.dir = dir;
            this.db = db;
            this.tmp = dir.resolve("tmp");
        }

        AssertionError fail(String check) {
            return new AssertionError(check + "\n  " + kind.detail() + ", signal " + delayMs + " ms after the database was opened,"
                    + " exit " + code + "\n  files of the database after the signal: " + (files.isEmpty() ? "none" : String.join(", ", files))
                    + "\n  temporary files of the child: " + (temps.isEmpty() ? "none" : String.join(", ", temps))
                    + (state.isEmpty() ? "" : "\n  " + state) + "\n  stderr: " + stderr.strip());
        }

        /** Starts the child, waits until it has the database open, waits the round's delay and signals it. */
        void interrupt(Launch launch, Random rnd, int maxDelayMs, String... args) throws Exception {
            Child child = Children.start(dir, db, launch, args);
            try {
                ChildJvm.waitUntilOpen(child.process(), db, 120);
            } catch (AssertionError e) {
                child.process().destroyForcibly();
                code = child.waitFor();
                stderr = child.stderr();
                throw fail(e.getMessage());
            }
            delayMs = rnd.nextInt(maxDelayMs + 1);
            Thread.sleep(delayMs);
            Children.signal(child.process(), kind.signal().name());
            code = child.waitFor();
            stderr = child.stderr();
            files = DbState.files(db);
            temps = DbState.tempFiles(tmp);
            for (String name : temps) {
                if (DbState.holdsRawLines(tmp.resolve(name))) {
                    throw fail("the temporary file " + name + " left by the child holds raw input lines (it must hold"
                            + " sanitized values or ciphertext only)");
                }
            }
            try {
                Hostile.assertClean(child.result(code, List.of(args)), "");
            } catch (AssertionError e) {
                throw fail("a stack trace or an unexpected error reached the user");
            }
        }

        /** Exit code and message as the signal demands; all or nothing stored. */
        Outcome outcome(boolean none, boolean all) {
            if (code == 0) {
                if (!all) {
                    throw fail("a run that finished is not wholly in the database");
                }
                return Outcome.FINISHED;
            }
            if (code != kind.signal().exitCode) {
                throw fail("exit " + code + " instead of " + kind.signal().exitCode + " for SIG" + kind.signal());
            }
            if (kind.signal() != Signal.KILL && !interruptedMessage(stderr)) {
                throw fail("SIG" + kind.signal() + " must end stderr with '" + INTERRUPTED + "', once, and print no error");
            }
            if (none) {
                return Outcome.KILLED;
            }
            if (all) {
                return Outcome.AFTER_COMMIT; // the signal landed between the commit and the exit
            }
            throw fail("the interrupted run left part of itself: neither the state before nor what a clean run gives");
        }

        /** What must hold once the next command on the database has run. */
        Result afterNext(Outcome outcome) throws IOException {
            List<String> now = DbState.files(db);
            if (now.contains(db.getFileName() + ".tmp/")) {
                throw fail("the spill directory " + db.getFileName() + ".tmp/ remains after the next command (now: " + now + ")");
            }
            if ((kind.signal() != Signal.KILL || outcome == Outcome.FINISHED) && !temps.isEmpty()) {
                throw fail((outcome == Outcome.FINISHED ? "a finished run" : "SIG" + kind.signal())
                        + " left temporary files of the child in its java.io.tmpdir");
            }
            return new Result(outcome, temps.size(), files.contains(db.getFileName() + ".tmp/"));
        }
    }

    /**
     * What an interrupted command's stderr must be: its usual lines (infer first says which
     * settings it uses), then the interrupted line, once, last; no error beside it.
     */
    static boolean interruptedMessage(String stderr) {
        return stderr.endsWith(INTERRUPTED + "\n") && stderr.indexOf(INTERRUPTED) == stderr.lastIndexOf(INTERRUPTED)
                && !stderr.contains("error");
    }

    /** Runs one crash round of {@code kind}; {@code bed} serves later ingests and infers. */
    static Result round(Path dir, Bed bed, CrashKind kind, Random rnd, Sizes sizes) throws Exception {
        Files.createDirectories(dir);
        return switch (kind.command()) {
            case FIRST_INGEST -> firstIngest(dir, kind, rnd, sizes);
            case INGEST -> ingest(dir, bed, kind, rnd, sizes);
            case INFER -> infer(dir, bed, kind, rnd, sizes);
        };
    }

    /**
     * An ingest that creates the database, run without a salt in the environment so that it also
     * creates {@code <db>.salt}. SIGTERM or Ctrl-C must leave none of the database's files; SIGKILL
     * (where nothing can run) may leave them, but the database must then open and hold nothing or
     * everything, and the retry must give what a clean run gives.
     */
    private static Result firstIngest(Path dir, CrashKind kind, Random rnd, Sizes sizes) throws Exception {
        Round r = new Round(kind, dir, dir.resolve("first.duckdb"));
        Path file = batch(dir, kind, rnd, sizes.firstIngest());
        Map<String, String> noSalt = new HashMap<>();
        noSalt.put("CLI_ANALYTICS_SALT", null);
        r.interrupt(launch(r, kind, file, noSalt), rnd, sizes.ingestDelayMs(), args(kind, file));
        String crashed = read(r, () -> DbState.events(r.db));
        long[] runs = read(r, () -> DbState.ingestRuns(r.db));
        r.state = "stored after the signal: " + crashed + " (events, xor), ingest runs " + Arrays.toString(runs);
        CliRun.Result retry = CliRun.withDb(r.db).env("CLI_ANALYTICS_SALT", null).run("ingest", file.toString());
        if (retry.exitCode() != 0) {
            throw r.fail("the retry (the next ingest of the same file) failed:\n" + retry);
        }
        Path twin = dir.resolve("twin.duckdb");
        String salt = Files.readString(Salt.fileFor(r.db), StandardCharsets.UTF_8).strip();
        require(CliRun.withDb(twin).env("CLI_ANALYTICS_SALT", salt).run("ingest", file.toString()), "the clean run");
        String clean = DbState.events(twin);
        r.state += "; a clean run: " + clean;
        boolean none = crashed.equals("0 0");
        Outcome outcome = r.outcome(none, crashed.equals(clean) && runs[0] == 1 && runs[1] == runs[2]);
        if (kind.signal() != Signal.KILL && outcome == Outcome.KILLED && !r.files.isEmpty()) {
            throw r.fail("SIG" + kind.signal() + " of a first ingest left files of the database behind: " + String.join(", ", r.files)
                    + " (none of " + r.db.getFileName() + ", .wal, .salt, .tmp/ may remain)");
        }
        if (!DbState.events(r.db).equals(clean)) {
            throw r.fail("after the retry the database holds " + DbState.events(r.db) + ", not what a clean run gives");
        }
        return r.afterNext(outcome);
    }

    /** An ingest of new events into the bed's database; its twin gets the same batch cleanly. */
    private static Result ingest(Path dir, Bed bed, CrashKind kind, Random rnd, Sizes sizes) throws Exception {
        Round r = new Round(kind, dir, bed.db());
        String before = DbState.events(bed.db());
        long[] runsBefore = DbState.ingestRuns(bed.db());
        Path file = batch(dir, kind, rnd, sizes.ingest());
        r.interrupt(launch(r, kind, file, Map.of()), rnd, sizes.ingestDelayMs(), args(kind, file));
        String crashed = read(r, () -> DbState.events(r.db));
        long[] runs = read(r, () -> DbState.ingestRuns(r.db));
        require(CliRun.withDb(bed.twin()).run("ingest", file.toString()), "the clean run");
        String clean = DbState.events(bed.twin());
        r.state = "events (count, xor) before " + before + ", after the signal " + crashed + ", a clean run " + clean
                + "; ingest runs " + Arrays.toString(runsBefore) + " -> " + Arrays.toString(runs);
        Outcome outcome = r.outcome(crashed.equals(before) && Arrays.equals(runs, runsBefore),
                crashed.equals(clean) && runs[0] == runsBefore[0] + 1 && runs[1] == runs[2]);
        CliRun.Result retry = CliRun.withDb(bed.db()).run("ingest", file.toString());
        if (retry.exitCode() != 0) {
            throw r.fail("the retry (the next ingest of the same file) failed:\n" + retry);
        }
        String retried = DbState.events(bed.db());
        if (!retried.equals(clean)) {
            throw r.fail("after the retry the database holds " + retried + ", not what a clean run gives");
        }
        return r.afterNext(outcome);
    }

    /**
     * infer on the bed's database; its twin infers cleanly. (In bench/torture an ingest round
     * precedes each infer round, so the new results differ from the previous ones.)
     */
    private static Result infer(Path dir, Bed bed, CrashKind kind, Random rnd, Sizes sizes) throws Exception {
        Round r = new Round(kind, dir, bed.db());
        String before = DbState.derived(bed.db());
        String runsBefore = DbState.inferRuns(bed.db());
        r.interrupt(new Launch(r.tmp, kind.memory(), null), rnd, sizes.inferDelayMs(), "infer");
        String crashed = read(r, () -> DbState.derived(r.db));
        String runs = read(r, () -> DbState.inferRuns(r.db));
        require(CliRun.withDb(bed.twin()).run("infer"), "the clean run");
        String clean = DbState.derived(bed.twin());
        r.state = "infer runs, sessions, workflow runs, newest run's sessions and runs: " + runsBefore + " -> " + runs
                + "\n  derived tables before: " + before + "\n  after the signal: " + crashed + "\n  a clean run: " + clean;
        long count = Long.parseLong(runs.split(" \\| ")[0]);
        long countBefore = Long.parseLong(runsBefore.split(" \\| ")[0]);
        Outcome outcome = r.outcome(crashed.equals(before) && count == countBefore,
                crashed.equals(clean) && count == countBefore + 1 && DbState.inferConsistent(runs));
        CliRun.Result next = CliRun.withDb(bed.db()).run("infer");
        if (next.exitCode() != 0) {
            throw r.fail("the infer after the crash failed:\n" + next);
        }
        if (!DbState.derived(bed.db()).equals(clean)) {
            throw r.fail("the infer after the crash does not give what a clean run gives: " + DbState.derived(bed.db()));
        }
        if (!DbState.tables(bed.db()).equals(DbState.tables(bed.twin()))) {
            throw r.fail("after the next infer the tables differ from a clean history's: " + DbState.tables(bed.db()));
        }
        return r.afterNext(outcome);
    }

    /** The batch of a round: fresh events, with CRLF line ends for that variant. */
    private static Path batch(Path dir, CrashKind kind, Random rnd, int events) throws IOException {
        return Children.events(dir, "batch.jsonl", rnd, events, kind.input().equals("CRLF file") ? "\r\n" : "\n");
    }

    private static Launch launch(Round r, CrashKind kind, Path file, Map<String, String> env) {
        return new Launch(r.tmp, env, kind.input().equals("stdin") ? file : null);
    }

    private static String[] args(CrashKind kind, Path file) {
        return new String[] {"ingest", kind.input().equals("stdin") ? "-" : file.toString()};
    }

    private interface Reading<T> {
        T get();
    }

    /** A state read right after the signal: a database that does not open fails the round, with its facts. */
    private static <T> T read(Round r, Reading<T> reading) {
        try {
            return reading.get();
        } catch (AssertionError e) {
            throw r.fail("after the signal " + e.getMessage());
        }
    }

    static void require(CliRun.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new AssertionError(what + " failed: " + r);
        }
    }
}
