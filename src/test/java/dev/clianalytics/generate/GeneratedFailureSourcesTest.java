package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generator says where failures came from: a few sources, an HTTP status on API and network failures. */
class GeneratedFailureSourcesTest {
    private static final Pattern FIELDS = Pattern.compile("\"error_source\":\"([a-z]+)\"(?:,\"http_status\":([0-9]+))?");

    /** source[/status] -> occurrences among a format's command failures. */
    private static Map<String, Integer> counts(OutputFormat format) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Generated.of(7, 4000, format).lines()) {
            // message by message: Segment's flow events (CLI Auth Failed, ...) say error_source too,
            // only commands count here
            for (String message : line.split("\"event\":\"")) {
                if (message.startsWith("CLI ") && !message.startsWith("CLI execution")) {
                    continue;
                }
                Matcher m = FIELDS.matcher(message);
                while (m.find()) {
                    counts.merge(m.group(1) + (m.group(2) == null ? "" : "/" + m.group(2)), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void failuresNameFourSourcesAndHttpStatusesOnlyForApiAndNetwork() {
        Map<String, Integer> counts = counts(OutputFormat.NATIVE);
        assertThat(counts.keySet().stream().map(k -> k.split("/")[0]).distinct().sorted())
                .containsExactly("api", "cli", "network", "user");
        assertThat(counts.keySet()).allMatch(k -> k.matches("(api|network)/(400|401|403|404|409|429|500|502|503)|cli|user"));
        assertThat(counts.keySet()).contains("api/401", "api/403", "api/409", "network/503");
    }

    @Test
    void theFormatsSayTheSameAndEachSeedAlwaysTheSame() {
        Map<String, Integer> nativeCounts = counts(OutputFormat.NATIVE);
        assertThat(counts(OutputFormat.SEGMENT)).isEqualTo(nativeCounts);
        assertThat(counts(OutputFormat.POSTHOG)).isEqualTo(nativeCounts);
        assertThat(counts(OutputFormat.NATIVE)).isEqualTo(nativeCounts);
    }

    @Test
    void onlyFailedRunsCarryThem() {
        for (String line : Generated.of(7, 2000, OutputFormat.NATIVE).lines()) {
            if (line.contains("\"exit_code\":0,")) {
                assertThat(line).doesNotContain("error_source", "http_status");
            }
        }
    }
}
