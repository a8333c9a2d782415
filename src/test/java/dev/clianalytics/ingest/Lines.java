package dev.clianalytics.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builds small native event lines and files for ingest tests. */
final class Lines {
    private Lines() {}

    /** A valid native event; {@code extra} is spliced in as more fields (e.g. "\"sequence\":3"). */
    static String event(String extra) {
        return "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"terraform\",\"command_path\":[\"terraform\",\"plan\"],"
                + "\"actor_id\":\"alice\",\"machine_id\":\"laptop\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static Path writeGzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
