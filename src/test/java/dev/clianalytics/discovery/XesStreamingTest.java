package dev.clianalytics.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.Main;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.ChildJvm;
import java.io.BufferedReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export --format xes streams: 340,000 events export whole in a JVM of 64 MB of heap, less
 * than the log (about 110 MB of text), so nothing may hold the events or the output in memory.
 */
class XesStreamingTest {
    static final int COPIES = 20_000;

    @TempDir
    Path dir;

    @Test
    void aLargeLogExportsWholeUnderASmallHeap() throws Exception {
        Path db = DiscoveryFixture.create(dir);
        // the 7 runs and 17 events of the fixture, copied under new run ids
        FixtureDb.execute(db, "INSERT INTO workflow_runs SELECT w.* REPLACE (workflow_run_id + k * 100 AS workflow_run_id)"
                + " FROM workflow_runs AS w, range(1, " + COPIES + ") AS t(k);"
                + " INSERT INTO workflow_step_rows SELECT s.* REPLACE (workflow_run_id + k * 100 AS workflow_run_id)"
                + " FROM workflow_step_rows AS s, range(1, " + COPIES + ") AS t(k)");
        Path log = dir.resolve("log.xes");
        ProcessBuilder pb = ChildJvm.builder(Main.class, List.of("-Xmx64m"), Map.of("CLI_ANALYTICS_MEMORY_LIMIT", "256MB"),
                dir, "--db", db.toString(), "export", "--to", "-", "--format", "xes");
        pb.redirectOutput(log.toFile()).redirectError(dir.resolve("child.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process child = pb.start();
        if (!child.waitFor(300, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the export did not end");
        }
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.err"))).isZero();
        long traces = 0;
        long events = 0;
        String last = null;
        try (BufferedReader in = Files.newBufferedReader(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                traces += line.equals("  <trace>") ? 1 : 0;
                events += line.equals("    <event>") ? 1 : 0;
                last = line;
            }
        }
        assertThat(traces).isEqualTo(7L * COPIES);
        assertThat(events).isEqualTo(17L * COPIES);
        assertThat(last).isEqualTo("</log>");
        assertThat(Files.size(log)).isGreaterThan(64L << 20);
    }
}
