package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import dev.clianalytics.infer.FunnelConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in funnels (funnels/defaults.yaml) match the generator's Segment flows: the same event
 * names, the breakdown property on every first step, and every branch (completed, a drop-off or a
 * failure at every step) in the sample data the demo and the tests use.
 */
class GeneratedFlowsTest {
    /** Each invocation's flow events in order (name, properties). */
    static final List<List<JsonNode>> invocations = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : Generated.of(42, 20_000, OutputFormat.SEGMENT).lines()) {
            JsonNode node = json.readTree(line);
            List<JsonNode> flows = new ArrayList<>();
            for (JsonNode m : node.has("batch") ? node.get("batch") : List.of(node)) {
                String event = m.path("event").asText("");
                if (m.path("type").asText().equals("track") && event.startsWith("CLI ")) {
                    flows.add(m);
                }
            }
            if (!flows.isEmpty()) {
                invocations.add(flows);
            }
        }
    }

    @Test
    void theGeneratorEmitsExactlyTheEventsOfTheBuiltInFunnels() {
        Set<String> funnelEvents = new TreeSet<>();
        for (FunnelConfig.Funnel f : FunnelConfig.defaults().funnels()) {
            f.steps().forEach(s -> funnelEvents.add(s.event()));
            funnelEvents.addAll(f.failureEvents());
        }
        Set<String> emitted = new TreeSet<>();
        invocations.forEach(i -> i.forEach(m -> emitted.add(m.get("event").asText())));
        assertThat(emitted).isEqualTo(funnelEvents);
    }

    @Test
    void everyFunnelCompletesAndLosesPeopleAtEveryStepWithItsBreakdownSet() {
        for (FunnelConfig.Funnel f : FunnelConfig.defaults().funnels()) {
            List<String> steps = f.steps().stream().map(FunnelConfig.Step::event).toList();
            Set<String> endings = new HashSet<>();
            Map<String, Integer> breakdown = new HashMap<>();
            for (List<JsonNode> flows : invocations) {
                List<JsonNode> mine = flows.stream().filter(m -> steps.contains(m.get("event").asText())
                        || f.failureEvents().contains(m.get("event").asText())).toList();
                if (mine.isEmpty() || !mine.get(0).get("event").asText().equals(steps.get(0))) {
                    continue;
                }
                breakdown.merge(mine.get(0).path("properties").path(f.breakdown()).asText("(missing)"), 1, Integer::sum);
                int reached = 0;
                boolean failed = false;
                for (JsonNode m : mine) {
                    int at = steps.indexOf(m.get("event").asText());
                    if (at == reached) {
                        reached++;
                    }
                    failed |= f.failureEvents().contains(m.get("event").asText());
                    if (failed) {
                        assertThat(m.path("properties").has("error_class") || !m.get("event").asText().endsWith("Failed"))
                                .as("a Failed event carries its error class").isTrue();
                    }
                }
                endings.add(reached == steps.size() ? "completed" : (failed ? "failed@" : "dropped@") + reached);
            }
            assertThat(endings).as(f.name()).contains("completed");
            for (int k = 1; k < steps.size(); k++) {
                assertThat(endings).as(f.name() + " loses people at step " + k).containsAnyOf("failed@" + k, "dropped@" + k);
            }
            assertThat(breakdown).as(f.name()).doesNotContainKey("(missing)");
            assertThat(breakdown.size()).as(f.name() + " has several " + f.breakdown() + " values").isGreaterThan(1);
        }
    }
}
