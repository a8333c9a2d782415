package dev.clianalytics.reliability;

import dev.clianalytics.Main;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.LauncherOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** The real Main in child JVMs, for crashes and races: started, signalled, waited for. */
final class Children {
    private Children() {}

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

        CliRun.Result result(int code, List<String> args) throws IOException {
            return new CliRun.Result(code, stdout(), stderr(), args);
        }
    }

    /**
     * How a child starts: its own {@code java.io.tmpdir} (null: the default), variables set (a null
     * value removes one) and a file as standard input (null: none).
     */
    record Launch(Path tmpDir, Map<String, String> env, Path stdin) {
        static final Launch DEFAULT = new Launch(null, Map.of(), null);

        /** The test salt, unless the launch removes it (a first ingest then creates {@code <db>.salt}). */
        Map<String, String> environment() {
            Map<String, String> all = new HashMap<>();
            all.put("CLI_ANALYTICS_SALT", CliRun.TEST_SALT);
            all.putAll(env);
            return all;
        }
    }

    static Child start(Path dir, Path db, String... args) throws IOException {
        return start(dir, db, Launch.DEFAULT, args);
    }

    /**
     * Starts {@code cli-analytics --db DB args…}. The JVM options are the launcher's (bin/cli-analytics,
     * docs/startup.md): serial GC, no perf-data file in /tmp, and the quick JIT except for ingest,
     * whose hashing needs the optimizing one, and whose heap starts small.
     */
    static Child start(Path dir, Path db, Launch launch, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"));
        if (!all.contains("ingest")) {
            jvm.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=10"));
        } else {   // the heap that gives the staging's memory back (HeapRelease)
            jvm.addAll(LauncherOptions.ingestHeap());
        }
        if (launch.tmpDir() != null) {
            Files.createDirectories(launch.tmpDir());
            jvm.add("-Djava.io.tmpdir=" + launch.tmpDir());
        }
        Map<String, String> env = launch.environment();
        ProcessBuilder pb = ChildJvm.builder(Main.class, jvm, Map.of(), dir, all.toArray(String[]::new));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        pb.environment().remove("HASH_SALT");
        Path base = Files.createTempFile(dir, "child-", "");
        Path out = base.resolveSibling(base.getFileName() + ".out");
        Path err = base.resolveSibling(base.getFileName() + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(launch.stdin() != null ? launch.stdin().toFile() : new File("/dev/null")));
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
        return events(dir, name, rnd, n, "\n");
    }

    /** The same with the given line end (CRLF makes ingest copy the file to a temporary one). */
    static Path events(Path dir, String name, Random rnd, int n, String lineEnd) throws IOException {
        Path file = dir.resolve(name);
        long tag = rnd.nextLong() & Long.MAX_VALUE;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // the first event_id of a line wins: this one, unique in the whole run
            String line = Fuzz.validLine(rnd, i % 1000, i);
            b.append("{\"event_id\":\"crash-").append(tag).append('-').append(i).append("\",")
                    .append(line, 1, line.length()).append(lineEnd);
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
