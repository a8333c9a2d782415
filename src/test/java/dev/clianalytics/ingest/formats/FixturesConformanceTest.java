package dev.clianalytics.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Real request bodies recorded by other projects (../shared/fixtures, see SOURCES.md there): every
 * envelope must parse; web events that are not CLI events count as ignored, never as rejects.
 */
class FixturesConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path fixtures() {
        String shared = System.getProperty("shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "fixtures");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "shared fixtures not found (system property shared.dir=" + shared + "): conformance tests skipped");
        return dir;
    }

    @Test
    void everyPostHogCaptureBodyDecodesAndParsesAsTheCaptureServiceDecodedIt() throws IOException {
        List<String> dump = Files.readAllLines(fixtures().resolve("posthog/requests_dump.jsonl"));
        PostHogReader reader = new PostHogReader(FormatConfig.defaults().posthog());
        RecordingSink sink = new RecordingSink();
        Map<String, Integer> expectedIgnored = new TreeMap<>();
        List<List<String>> expectedLinks = new ArrayList<>();
        int requests = 0;
        int decodedEvents = 0;
        for (int n = 0; n < dump.size(); n++) {
            if (!dump.get(n).startsWith("{")) {
                continue; // "### section" comments
            }
            JsonNode request = JSON.readTree(dump.get(n));
            String body = decodeBody(request.get("body").asText());
            assertThat(FormatDetector.detect(body)).as("line %d", n + 1).isEqualTo(EventFormat.POSTHOG);
            reader.accept(body, n + 1, sink);
            requests++;
            for (JsonNode out : request.get("output")) {
                JsonNode event = JSON.readTree(out.get("data").asText());
                String name = event.get("event").asText();
                JsonNode anon = event.path("properties").get("$anon_distinct_id");
                if (name.equals("$identify") && anon != null) {
                    expectedLinks.add(List.of(out.get("distinct_id").asText(), anon.asText()));
                } else {
                    expectedIgnored.merge(name, 1, Integer::sum);
                }
                decodedEvents++;
            }
        }
        reader.finish(sink);

        assertThat(requests).isEqualTo(16);
        assertThat(decodedEvents).isEqualTo(88);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.events).as("no CLI events in web captures").isEmpty();
        assertThat(new TreeMap<>(sink.ignored)).isEqualTo(expectedIgnored);
        assertThat(sink.links).isEqualTo(expectedLinks).isNotEmpty();
        assertThat(sink.ignored).containsKeys("$pageview", "$autocapture", "this event", "test-1");
    }

    /** A capture body: base64, possibly gzip, possibly a form field {@code data=<base64 JSON>}. */
    private static String decodeBody(String base64) throws IOException {
        byte[] bytes = gunzipIfNeeded(Base64.getMimeDecoder().decode(base64));
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("data=")) {
            String field = URLDecoder.decode(text.substring(5).split("&", 2)[0], StandardCharsets.UTF_8);
            text = new String(gunzipIfNeeded(Base64.getMimeDecoder().decode(field)), StandardCharsets.UTF_8);
        }
        return JSON.readTree(text).toString(); // one line, as an export would hold it
    }

    private static byte[] gunzipIfNeeded(byte[] bytes) throws IOException {
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }

    @Test
    void everySegmentRequestBodyParses() throws IOException {
        Map<String, RecordingSink> byFile = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(fixtures().resolve("segment"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String line = JSON.readTree(f.toFile()).toString();
                assertThat(FormatDetector.detect(line)).as(f.toString()).isEqualTo(EventFormat.SEGMENT);
                byFile.put(f.getFileName().toString(),
                        RecordingSink.read(new SegmentReader(FormatConfig.defaults().segment()), line));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }

        assertThat(byFile).hasSize(12);
        byFile.forEach((name, sink) -> assertThat(sink.rejects).as(name).isEmpty());
        assertThat(byFile.get("test-enqueue-alias.json").links).containsExactly(List.of("B", "A"));
        assertThat(byFile.get("test-enqueue-identify.json").ignored).as("identify with a userId only has nothing to link")
                .isEqualTo(Map.of("identify", 1));
        for (String type : List.of("page", "screen", "group")) {
            assertThat(byFile.get("test-enqueue-" + type + ".json").ignored).isEqualTo(Map.of(type, 1));
        }
        FlowEvent download = byFile.get("test-enqueue-track.json").flows.get(0).event();
        assertThat(download).isEqualTo(new FlowEvent("2009-11-10T23:00:00Z", "Download", "cli", "1.1.0", "123456",
                "123456", null, "I'm unique", Map.of("platform", "osx")));
        assertThat(byFile.get("test-timestamp-track.json").flows.get(0).event().timestamp()).isEqualTo("2015-07-10T23:00:00Z");
        assertThat(byFile.get("test-messageid-track.json").flows.get(0).event().eventId()).isEqualTo("abc");
        assertThat(byFile.get("test-many-track.json").flows).extracting(f -> f.index() + ":" + f.event().toolVersion())
                .containsExactly("0:0", "1:1", "2:2");
        for (String track : List.of("test-context-track.json", "test-integrations-track.json", "test-interval-track.json")) {
            assertThat(byFile.get(track).flows).as(track).hasSize(1);
        }
    }
}
