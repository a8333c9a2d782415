package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.LauncherOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging's heap goes back to the system before DuckDB loads the rows (docs/ingest.md,
 * "Memory"): in a JVM started with the launcher's options for ingest, a plain collection keeps the
 * heap the staging grew committed (20 times what is alive), HeapRelease uncommits it and sets the
 * free ratios back.
 */
class HeapReleaseTest {
    /**
     * Allocates as the staging does (many short-lived buffers, a few dozen MB alive), drops most of
     * it, then collects once, plainly (argument "gc") or through HeapRelease ("release"); prints the
     * committed MB and the free ratios after that.
     */
    public static final class Probe {
        /** What stays alive through the collection (ingest's own objects, the driver's). */
        static byte[][] alive;

        public static void main(String[] args) {
            byte[][] inFlight = new byte[40][];   // 40 MB alive at any time, 2 GB allocated in all
            for (int i = 0; i < 2000; i++) {
                inFlight[i % inFlight.length] = new byte[1 << 20];
            }
            alive = java.util.Arrays.copyOf(inFlight, 20);   // 20 MB stay alive
            inFlight = null;
            if (args[0].equals("release")) {
                HeapRelease.release();
            } else {
                System.gc();
            }
            var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            System.out.println(committedMb() + " " + vm.getVMOption("MinHeapFreeRatio").getValue() + " "
                    + vm.getVMOption("MaxHeapFreeRatio").getValue());
        }

        private static long committedMb() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
        }
    }

    @Test
    void gives_the_heap_back_and_restores_the_ratios(@TempDir Path dir) throws IOException, InterruptedException {
        String[] plain = probe(dir, "gc");
        String[] released = probe(dir, "release");
        assertThat(Long.parseLong(plain[0])).as("one plain collection keeps the heap committed").isGreaterThan(200);
        assertThat(Long.parseLong(released[0])).as("HeapRelease gives it back").isLessThan(48);
        assertThat(released[1] + " " + released[2]).isEqualTo("90 95");
    }

    /** Runs the probe in a JVM started with the launcher's options for ingest. */
    private static String[] probe(Path dir, String how) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        jvm.addAll(LauncherOptions.ingestHeap());
        Process p = ChildJvm.builder(Probe.class, jvm, Map.of(), dir, how).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(out).isZero();
        String[] v = out.split(" ");
        assertThat(v).as(out).hasSize(3);
        return v;
    }
}
