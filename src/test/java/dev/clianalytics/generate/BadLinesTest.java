package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BadLinesTest {
    static final Set<String> ALL_REASONS = Set.of("invalid_json", "missing_field:timestamp", "missing_field:tool_name",
            "missing_field:command_path", "missing_field:actor_id", "missing_field:machine_id", "wrong_type:exit_code",
            "wrong_type:command_path", "wrong_type:ci_detected", "wrong_type:duration_ms", "wrong_type:flags_present",
            "bad_timestamp", "empty_command_path", "line_too_long");

    @Test
    void everyRejectReasonAppearsAndExactlyTheAskedShareOfLinesIsBad() {
        Generated g = Generated.of(5, 3_000, 0.05, OutputFormat.NATIVE);
        List<String> lines = g.lines();
        assertThat(lines).hasSize(3_000);
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> inOrder = new ArrayList<>();
        for (String line : lines) {
            String reason = LineClassifier.classify(line);
            if (!reason.equals(LineClassifier.OK)) {
                reasons.merge(reason, 1, Integer::sum);
                inOrder.add(reason);
            }
        }
        assertThat(reasons.keySet()).isEqualTo(ALL_REASONS);
        assertThat(inOrder).hasSize(150);
        assertThat(g.summary().badLines()).isEqualTo(150);
        // The independent classification agrees with the intended rotation, line by line.
        for (int k = 0; k < inOrder.size(); k++) {
            assertThat(inOrder.get(k)).as("bad line %d", k).isEqualTo(BadLine.nth(k, true).reason);
        }
        // Over 1 MiB each, so rare: the first rotation and then one in a hundred.
        assertThat(reasons.get("line_too_long")).isEqualTo(1);
    }

    @Test
    void badLinesAreSpreadEvenlyNotBunchedAtTheStart() {
        List<String> lines = Generated.of(5, 1_000, 0.1, OutputFormat.NATIVE).lines();
        for (int block = 0; block < 10; block++) {
            long bad = lines.subList(block * 100, block * 100 + 100).stream()
                    .filter(l -> !LineClassifier.classify(l).equals(LineClassifier.OK)).count();
            assertThat(bad).isEqualTo(10);
        }
    }

    @Test
    void rateOneMakesEveryLineBadAndFewLinesStillGetTheFirstKinds() {
        assertThat(Generated.of(3, 40, 1.0, OutputFormat.NATIVE).lines())
                .allSatisfy(l -> assertThat(LineClassifier.classify(l)).isNotEqualTo(LineClassifier.OK));
        List<String> reasons = Generated.of(3, 100, 0.03, OutputFormat.NATIVE).lines().stream()
                .map(LineClassifier::classify).filter(r -> !r.equals(LineClassifier.OK)).toList();
        assertThat(reasons).containsExactly("invalid_json", "missing_field:timestamp", "wrong_type:exit_code");
    }

    @Test
    void foreignFormatsGetMalformedLinesTooAndTheRestStaysValid() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (OutputFormat format : List.of(OutputFormat.POSTHOG, OutputFormat.SEGMENT)) {
            Generated g = Generated.of(5, 2_000, 0.02, format);
            List<String> kinds = new ArrayList<>();
            for (String line : g.lines()) {
                if (line.length() > (1 << 20)) {
                    kinds.add("line_too_long");
                    continue;
                }
                try {
                    json.readTree(line);
                } catch (Exception e) {
                    kinds.add("invalid_json");
                    continue;
                }
                String ts = json.readTree(line).findValuesAsText("timestamp").get(0);
                if (!LineClassifier.parsesAsTimestamp(ts)) {
                    kinds.add("bad_timestamp");
                }
            }
            assertThat(kinds).as(format.name()).hasSize(40);
            assertThat(kinds.stream().collect(Collectors.toSet())).as(format.name())
                    .containsExactlyInAnyOrder("invalid_json", "bad_timestamp", "line_too_long");
        }
    }
}
