package dev.clianalytics.reliability;

import dev.clianalytics.Main;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.Db;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Kills a child JVM running the real Main (ingest or infer) at a random moment, then checks that
 * the database opens, holds exactly the runs that committed, and that the next run works.
 */
final class Crashes {
    static final String INTERRUPTED = "interrupted: nothing from this run was written";

    private Crashes() {}

    /** What a round ended as: the signal landed (killed), or the run had already finished. */
    enum Outcome { KILLED, FINISHED, AFTER_COMMIT }

    /** A child run with its stdout and stderr in files. */
    record Child(Process process, Path out, Path err) {
        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not end within 300 s");
            }
            return process.exitValue();
        }
    }

    static Child start(Path dir, Path db, String... args) throws IOException {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        ProcessBuilder pb = ChildJvm.builder(Main.class, Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT), dir, all);
        Path base = Files.createTempFile(dir, "child-", "");
        Path out = base.resolveSibling(base.getFileName() + ".out");
        Path err = base.resolveSibling(base.getFileName() + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Child(pb.start(), out, err);
    }

    /** Sends the signal; a child that already ended is fine (kill's complaint is not printed). */
    static void signal(Process p, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    /** A file of {@code n} events no other file of the run has (fresh event ids). */
    static Path events(Path dir, String name, Random rnd, int n) throws IOException {
        Path file = dir.resolve(name);
        long tag = rnd.nextLong() & Long.MAX_VALUE;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(Fuzz.validLine(rnd, i % 1000, i).replaceFirst("\\{", "{\"event_id\":\"crash-" + tag + "-" + i + "\","))
                    .append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** (ingest runs, sum of their accepted, events): a run counts only if all three moved together. */
    static long[] ingestState(Path db) {
        String[] r = Db.one(db, "SELECT (SELECT count(*) FROM ingest_runs), (SELECT coalesce(sum(accepted), 0) FROM ingest_runs),"
                + " (SELECT count(*) FROM events)").split(" \\| ");
        return new long[] {Long.parseLong(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2])};
    }

    /** SIGKILL or SIGINT during an ingest of {@code lines} new events into an existing database. */
    static Outcome ingestRound(Path dir, Path db, Random rnd, String signal, int lines, int maxDelayMs) throws Exception {
        long[] before = ingestState(db);
        Path file = events(dir, "crash-ingest.jsonl", rnd, lines);
        Child child = start(dir, db, "ingest", file.toString());
        ChildJvm.waitUntilOpen(child.process(), db, 120);
        Thread.sleep(rnd.nextInt(maxDelayMs + 1));
        signal(child.process(), signal);
        int code = child.waitFor();
        long[] after = ingestState(db);
        boolean none = java.util.Arrays.equals(after, before);
        boolean all = after[0] == before[0] + 1 && after[1] == before[1] + lines && after[2] == before[2] + lines;
        String context = signal + " during ingest: exit " + code + ", state " + java.util.Arrays.toString(before) + " -> "
                + java.util.Arrays.toString(after) + ", stderr: " + child.stderr();
        Outcome outcome = check(signal, code, none, all, child, context);
        Path next = events(dir, "crash-next.jsonl", rnd, 3);
        CliRun.Result r = CliRun.withDb(db).run("ingest", next.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("the run after a crash failed: " + context + "\n" + r);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(next);
        return outcome;
    }

    /** (infer runs, sessions, workflow runs, the newest infer run's sessions and runs). */
    static String inferState(Path db) {
        return Db.one(db, "SELECT (SELECT count(*) FROM infer_runs), (SELECT count(*) FROM sessions), (SELECT count(*) FROM workflow_runs),"
                + " (SELECT coalesce(max_by(sessions, infer_id), 0) FROM infer_runs), (SELECT coalesce(max_by(workflow_runs, infer_id), 0) FROM infer_runs)");
    }

    /** SIGKILL or SIGINT during infer: the previous results or the new ones, never a mix. */
    static Outcome inferRound(Path dir, Path db, Random rnd, String signal, int maxDelayMs) throws Exception {
        String before = inferState(db);
        Child child = start(dir, db, "infer");
        ChildJvm.waitUntilOpen(child.process(), db, 120);
        Thread.sleep(rnd.nextInt(maxDelayMs + 1));
        signal(child.process(), signal);
        int code = child.waitFor();
        String after = inferState(db);
        String[] a = after.split(" \\| ");
        String[] b = before.split(" \\| ");
        boolean consistent = a[1].equals(a[3]) && a[2].equals(a[4]);
        boolean none = after.equals(before);
        boolean all = consistent && Long.parseLong(a[0]) == Long.parseLong(b[0]) + 1;
        String context = signal + " during infer: exit " + code + ", state " + before + " -> " + after + ", stderr: " + child.stderr();
        Outcome outcome = check(signal, code, none, all, child, context);
        CliRun.Result r = CliRun.withDb(db).run("infer");
        if (r.exitCode() != 0) {
            throw new AssertionError("the infer after a crash failed: " + context + "\n" + r);
        }
        return outcome;
    }

    private static Outcome check(String signal, int code, boolean none, boolean all, Child child, String context) throws IOException {
        String err = child.stderr();
        Hostile.assertClean(new CliRun.Result(code, child.stdout(), err, List.of()), context);
        if (code == 0) {
            if (!all) {
                throw new AssertionError("a finished run is not wholly in the database: " + context);
            }
            return Outcome.FINISHED;
        }
        if ("KILL".equals(signal)) {
            if (code != 137 || !none && !all) {
                throw new AssertionError("a killed run left part of itself: " + context);
            }
            return none ? Outcome.KILLED : Outcome.AFTER_COMMIT; // all: the signal landed after the commit
        }
        if (code != 130 || !err.equals(INTERRUPTED + "\n")) {
            throw new AssertionError("Ctrl-C must print one line and exit 130: " + context);
        }
        if (none) {
            return Outcome.KILLED;
        }
        if (all) {
            return Outcome.AFTER_COMMIT; // the signal landed between the commit and the exit
        }
        throw new AssertionError("an interrupted run left part of itself: " + context);
    }
}
