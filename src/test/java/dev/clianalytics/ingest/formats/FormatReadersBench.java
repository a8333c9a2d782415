package dev.clianalytics.ingest.formats;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Throughput of the format readers and the detector (not a test: run by hand, see docs/formats.md).
 * Usage: FormatReadersBench DIR EVENTS [FILE:FORMAT ...] — writes synthetic posthog/segment/native
 * files of about EVENTS lines into DIR (unless given), then reads each and prints lines/s and events/s.
 */
public final class FormatReadersBench {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        Path posthog = dir.resolve("posthog.jsonl");
        Path segment = dir.resolve("segment.jsonl");
        Path nativeFile = dir.resolve("native.jsonl");
        if (!Files.exists(posthog)) {
            write(posthog, segment, nativeFile, n);
        }
        for (int round = 0; round < 2; round++) { // first round warms the JIT
            detect(nativeFile, round == 1);
            read(posthog, EventFormat.POSTHOG, round == 1);
            read(segment, EventFormat.SEGMENT, round == 1);
        }
    }

    private static void detect(Path file, boolean print) throws IOException {
        long lines = 0;
        long nativeLines = 0;
        long t0 = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; lines++) {
                if (FormatDetector.detect(line) == EventFormat.NATIVE) {
                    nativeLines++;
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (print) {
            System.out.printf("detect %s: %d lines (%d native) in %.2f s = %.0f lines/s (includes reading lines)%n",
                    file.getFileName(), lines, nativeLines, s, lines / s);
        }
    }

    private static void read(Path file, EventFormat format, boolean print) throws IOException {
        RecordingCounter sink = new RecordingCounter();
        FormatReader reader = format.reader(FormatConfig.defaults());
        long lines = 0;
        long t0 = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                reader.accept(line, ++lines, sink);
            }
        }
        reader.finish(sink);
        double s = (System.nanoTime() - t0) / 1e9;
        if (print) {
            System.out.printf("%s %s: %d lines in %.2f s = %.0f lines/s; %d command events (%.0f/s), %d flow, %d ignored, %d rejected%n",
                    format.id(), file.getFileName(), lines, s, lines / s, sink.events, sink.events / s, sink.flows,
                    sink.ignored, sink.rejects);
        }
    }

    private static void write(Path posthog, Path segment, Path nativeFile, int n) throws IOException {
        Random rnd = new Random(42);
        String[] commands = {"toolkit.list", "toolkit.run", "deploy", "login", "app.create", "plan.upgrade"};
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        try (BufferedWriter p = Files.newBufferedWriter(posthog);
                BufferedWriter s = Files.newBufferedWriter(segment);
                BufferedWriter nat = Files.newBufferedWriter(nativeFile)) {
            int segLines = 0;
            for (int i = 0; segLines < n; i++) {
                t = t.plusMillis(1 + rnd.nextInt(60_000));
                String actor = "anon-" + String.format("%08x-0000-4000-8000-%012x", rnd.nextInt(5000), i % 977);
                String cmd = commands[rnd.nextInt(commands.length)];
                boolean failed = rnd.nextInt(10) == 0;
                int duration = rnd.nextInt(5000);
                p.write("{\"uuid\":\"" + java.util.UUID.nameUUIDFromBytes(("p" + i).getBytes()) + "\",\"event\":\"CLI execution "
                        + (failed ? "failed" : "succeeded") + "\",\"distinct_id\":\"" + actor + "\",\"timestamp\":\"" + t
                        + "\",\"properties\":{\"command_name\":\"" + cmd + "\",\"tool_name\":\"arcade\",\"cli_version\":\"1.2.3\","
                        + "\"python_version\":\"3.11.0\",\"os_type\":\"Darwin\",\"os_release\":\"23.4.0\",\"duration\":" + duration
                        + ".42" + (failed ? ",\"error_message\":\"Connection refused to api.example.com\"" : "") + "}}\n");
                nat.write("{\"timestamp\":\"" + t + "\",\"tool_name\":\"arcade\",\"tool_version\":\"1.2.3\",\"command_path\":[\"arcade\",\""
                        + cmd.replace(".", "\",\"") + "\"],\"flags_present\":[\"--verbose\"],\"exit_code\":" + (failed ? 1 : 0)
                        + ",\"duration_ms\":" + duration + ",\"actor_id\":\"" + actor + "\",\"machine_id\":\"" + actor
                        + "\",\"ci_detected\":false,\"event_id\":\"e-" + i + "\"}\n");
                String inv = "inv-" + i;
                String head = "{\"type\":\"track\",\"anonymousId\":\"" + actor + "\",\"context\":{\"app\":{\"name\":\"grout\"},"
                        + "\"library\":{\"name\":\"analytics-go\",\"version\":\"3.0.0\"}},\"timestamp\":\"";
                s.write(head + t + "\",\"messageId\":\"m-" + i + "-0\",\"event\":\"Command Invoked\",\"properties\":{\"invocation_id\":\""
                        + inv + "\",\"command_path\":[\"grout\",\"" + cmd.replace(".", "\",\"") + "\"],\"version\":\"1.4.0\",\"event_index\":0}}\n");
                segLines++;
                if (rnd.nextInt(5) == 0) {
                    s.write(head + t.plusMillis(1) + "\",\"messageId\":\"m-" + i + "-1\",\"event\":\"CLI Auth Started\",\"properties\":{\"invocation_id\":\""
                            + inv + "\",\"flow\":\"login\",\"version\":\"1.4.0\",\"event_index\":1}}\n");
                    segLines++;
                }
                if (failed) {
                    s.write(head + t.plusMillis(duration) + "\",\"messageId\":\"m-" + i + "-2\",\"event\":\"Command Failed\",\"properties\":{\"invocation_id\":\""
                            + inv + "\",\"error_class\":\"network\",\"error_source\":\"dashboard\",\"version\":\"1.4.0\",\"event_index\":2}}\n");
                    segLines++;
                }
                s.write(head + t.plusMillis(duration + 1) + "\",\"messageId\":\"m-" + i + "-3\",\"event\":\"Command Completed\",\"properties\":{\"invocation_id\":\""
                        + inv + "\",\"duration_ms\":" + duration + ",\"succeeded\":" + !failed + ",\"exit_code\":" + (failed ? 1 : 0)
                        + ",\"version\":\"1.4.0\",\"event_index\":3}}\n");
                segLines++;
            }
        }
    }

    /** Counts only, so the measure is the reader's own work. */
    private static final class RecordingCounter implements FormatReader.Sink {
        long events;
        long flows;
        long ignored;
        long rejects;

        @Override
        public void event(long lineNumber, int indexInLine, NativeEvent event) {
            events++;
        }

        @Override
        public void flowEvent(long lineNumber, int indexInLine, FlowEvent event) {
            flows++;
        }

        @Override
        public void link(long lineNumber, int indexInLine, String actorId, String linkedActorId, String timestamp) {}

        @Override
        public void ignored(String eventName) {
            ignored++;
        }

        @Override
        public void reject(long lineNumber, String reason) {
            rejects++;
        }

        @Override
        public void rejectRecord(long lineNumber, String reason) {
            rejects++;
        }

        @Override
        public void lineRead(long lineNumber, int records) {}

        @Override
        public void merged(int calls) {}

        @Override
        public void toolDefaulted() {}
    }
}
