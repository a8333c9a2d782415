package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.Main;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a first ingest leaves nothing behind: no database, WAL, salt
 * file or spill directory; during a later ingest or an infer, the database is as before and the
 * spill files are gone (specification §4.2). bench/torture repeats this at random moments.
 */
class InterruptCleanupTest {
    @TempDir
    Path dir;

    /**
     * Starts a command in its own JVM with a modest memory limit (a run may spill; too small a limit fails the run before the signal); without
     * {@code saltInEnvironment} the salt is the database's salt file, created by a first ingest.
     */
    private Process start(Path db, boolean saltInEnvironment, String... args) throws Exception {
        String[] all = Stream.concat(Stream.of("--db", db.toString()), Stream.of(args)).toArray(String[]::new);
        ProcessBuilder pb = ChildJvm.builder(Main.class, Map.of("CLI_ANALYTICS_MEMORY_LIMIT", "256MB"), dir, all);
        pb.environment().remove("HASH_SALT");
        if (saltInEnvironment) {
            pb.environment().put("CLI_ANALYTICS_SALT", CliRun.TEST_SALT);
        } else {
            pb.environment().remove("CLI_ANALYTICS_SALT");
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("child.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    /** Everything beside the database that belongs to it. */
    private List<String> leftovers(Path db) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(db.getFileName().toString())).sorted().toList();
        }
    }

    private int interruptWhileOpen(Path db, Process child, String signal, long delayMs) throws Exception {
        ChildJvm.waitUntilOpen(child, db, 120);
        Thread.sleep(delayMs);
        Children.signal(child, signal);
        if (!child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not end");
        }
        return child.exitValue();
    }

    @Test
    void anInterruptedFirstIngestLeavesNoFileBehind() throws Exception {
        Path events = Children.events(dir, "events.jsonl", new Random(11), 200_000);
        for (String signal : List.of("TERM", "INT")) {
            Path db = dir.resolve("first-" + signal + ".duckdb");
            int code = interruptWhileOpen(db, start(db, false, "ingest", events.toString()), signal, 300);

            assertThat(code).as("exit code; stderr: " + Files.readString(dir.resolve("child.err")))
                    .isEqualTo("TERM".equals(signal) ? 143 : 130);
            assertThat(Files.readString(dir.resolve("child.err"))).isEqualTo(Crashes.INTERRUPTED + "\n");
            assertThat(leftovers(db)).as("files left by an interrupted first ingest").isEmpty();
        }
    }

    @Test
    void anInterruptedLaterIngestOrInferKeepsTheDatabaseAndRemovesItsSpillFiles() throws Exception {
        Path db = dir.resolve("later.duckdb");
        Path first = Children.events(dir, "first.jsonl", new Random(12), 1000);
        assertThat(CliRun.withDb(db).run("ingest", first.toString()).exitCode()).isZero();
        String before = DbState.inferRuns(db) + DbState.ingestRuns(db)[2];
        Path more = Children.events(dir, "more.jsonl", new Random(13), 200_000);

        int ingest = interruptWhileOpen(db, start(db, true, "ingest", more.toString()), "TERM", 300);
        assertThat(ingest).isEqualTo(143);
        assertThat(DbState.inferRuns(db) + DbState.ingestRuns(db)[2]).isEqualTo(before);
        assertThat(leftovers(db)).containsExactly("later.duckdb");

        assertThat(CliRun.withDb(db).run("ingest", more.toString()).exitCode()).isZero();
        int infer = interruptWhileOpen(db, start(db, true, "infer"), "INT", 300);
        assertThat(infer).isEqualTo(130);
        assertThat(leftovers(db)).containsExactly("later.duckdb");
    }
}
