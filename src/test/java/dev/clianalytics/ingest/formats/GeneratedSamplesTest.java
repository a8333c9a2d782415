package dev.clianalytics.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The committed samples (samples/, written by generate) hold the same activity natively and as
 * PostHog and Segment events: read back, every command event equals its native twin field by field
 * once the ids the aliases link are taken as one person.
 */
class GeneratedSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postHogSamplesReadBackAsTheNativeSamples() throws IOException {
        compare("posthog.jsonl", EventFormat.POSTHOG);
    }

    @Test
    void segmentSamplesReadBackAsTheNativeSamples() throws IOException {
        compare("segment.jsonl", EventFormat.SEGMENT);
    }

    private void compare(String file, EventFormat format) throws IOException {
        Path dir = Path.of("samples");
        assumeTrue(Files.isRegularFile(dir.resolve(file)), "samples/ not found: generated-samples test skipped");
        List<String> lines = Files.readAllLines(dir.resolve(file));
        RecordingSink sink = RecordingSink.read(format.reader(FormatConfig.defaults()), lines.toArray(String[]::new));
        assertThat(sink.rejects).isEmpty();
        assertThat(lines).allMatch(l -> FormatDetector.detect(l) == format);

        Map<String, String> person = new HashMap<>();
        for (List<String> link : sink.links) {
            union(person, link.get(0), link.get(1));
        }
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            assertThat(FormatDetector.detect(line)).isEqualTo(EventFormat.NATIVE);
            expected.add(canonical((ObjectNode) JSON.readTree(line), person));
        }
        List<String> actual = new ArrayList<>();
        for (NativeEvent e : sink.nativeEvents()) {
            actual.add(canonical((ObjectNode) JSON.readTree(NativeJson.line(e)), person));
        }
        assertThat(actual).hasSize(400).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sink.links).isNotEmpty();
    }

    /** The §3 fields with the timestamp as a UTC instant, defaults made explicit and the actor as its person. */
    private static String canonical(ObjectNode n, Map<String, String> person) {
        n.put("timestamp", Timestamps.normalise(n.get("timestamp").asText()));
        n.put("actor_id", find(person, n.get("actor_id").asText()));
        if (!n.has("flags_present")) {
            n.putArray("flags_present");
        }
        if (!n.has("ci_detected")) {
            n.put("ci_detected", false);
        }
        Map<String, JsonNode> fields = new TreeMap<>();
        for (String f : List.of("timestamp", "tool_name", "tool_version", "command_path", "flags_present", "exit_code",
                "duration_ms", "error_type", "actor_id", "machine_id", "session_hint", "ci_detected", "sequence")) {
            if (n.hasNonNull(f)) {
                fields.put(f, n.get(f));
            }
        }
        return fields.toString();
    }

    private static String find(Map<String, String> parent, String id) {
        String p = parent.getOrDefault(id, id);
        return p.equals(id) ? id : find(parent, p);
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }
}
