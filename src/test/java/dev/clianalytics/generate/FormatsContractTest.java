package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.generate.ContractReader.Event;
import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostHog and Segment output follow /work/notes/FORMATS-CONTRACT.md and carry the same activity as native (issue 6). */
class FormatsContractTest {
    static final int N = 6_000;
    static ContractReader nativeRead;
    static ContractReader posthog;
    static ContractReader segment;
    static Generated posthogText;
    static Generated segmentText;

    @BeforeAll
    static void generate() throws Exception {
        nativeRead = ContractReader.read("native", Generated.of(11, N, OutputFormat.NATIVE).text());
        posthogText = Generated.of(11, N, OutputFormat.POSTHOG);
        segmentText = Generated.of(11, N, OutputFormat.SEGMENT);
        posthog = ContractReader.read("posthog", posthogText.text());
        segment = ContractReader.read("segment", segmentText.text());
    }

    @Test
    void posthogCarriesTheSameCommandRunsAsNative() {
        assertSameActivity(nativeRead, posthog);
    }

    @Test
    void segmentCarriesTheSameCommandRunsAsNative() {
        assertSameActivity(nativeRead, segment);
    }

    /** Small outputs of many seeds: the end of the output (a login or logout cut short) must not break the match. */
    @Test
    void theFormatsAgreeForManySeedsAndSizes() throws Exception {
        for (long seed = 100; seed < 115; seed++) {
            int n = (int) (1 + seed * 37 % 400);
            ContractReader expected = ContractReader.read("native", Generated.of(seed, n, OutputFormat.NATIVE).text());
            assertThat(expected.events).hasSize(n);
            assertSameActivity(expected, ContractReader.read("posthog", Generated.of(seed, n, OutputFormat.POSTHOG).text()));
            assertSameActivity(expected, ContractReader.read("segment", Generated.of(seed, n, OutputFormat.SEGMENT).text()));
        }
    }

    /** Field by field, in order (error texts too); actors may be spelled differently but must group the same events after stitching. */
    private static void assertSameActivity(ContractReader nativeFile, ContractReader foreign) {
        List<Event> expected = nativeFile.events;
        List<Event> actual = foreign.events;
        assertThat(actual).hasSize(expected.size());
        Map<String, String> nativeToForeign = new HashMap<>();
        Map<String, String> foreignToNative = new HashMap<>();
        int withError = 0;
        for (int i = 0; i < expected.size(); i++) {
            Event e = expected.get(i);
            Event a = actual.get(i);
            String where = "event " + i + ": " + e + " vs " + a;
            assertThat(a.ts()).as(where).isEqualTo(e.ts());
            assertThat(a.tool()).as(where).isEqualTo(e.tool());
            assertThat(a.version()).as(where).isEqualTo(e.version());
            assertThat(a.path()).as(where).isEqualTo(e.path());
            assertThat(a.flags()).as(where).isEqualTo(e.flags());
            assertThat(a.exitCode()).as(where).isEqualTo(e.exitCode());
            assertThat(a.durationMs()).as(where).isEqualTo(e.durationMs());
            assertThat(a.machine()).as(where).isEqualTo(e.machine());
            assertThat(a.sessionHint()).as(where).isEqualTo(e.sessionHint());
            assertThat(a.ci()).as(where).isEqualTo(e.ci());
            assertThat(a.sequence()).as(where).isEqualTo(e.sequence());
            assertThat(a.errorType()).as(where).isEqualTo(e.errorType());
            withError += a.errorType() != null ? 1 : 0;
            String person = foreign.root(a.actor());
            assertThat(nativeToForeign.computeIfAbsent(e.actor(), k -> person)).as(where).isEqualTo(person);
            assertThat(foreignToNative.computeIfAbsent(person, k -> e.actor())).as(where).isEqualTo(e.actor());
        }
        assertThat(withError).isEqualTo((int) expected.stream().filter(e -> e.errorType() != null).count());
    }

    @Test
    void posthogUsesItsEventNamesAliasesIdentifyAndBatchBodies() {
        assertThat(posthog.eventNames).containsKeys("CLI execution succeeded", "CLI execution failed", "$create_alias",
                "$identify", "$feature_flag_called");
        assertThat(posthog.ignored).containsOnlyKeys("$feature_flag_called");
        assertThat(posthog.aliasLinks).isPositive();
        assertThat(posthog.identifyLinks).isPositive();
        assertThat(posthog.batchLines).isPositive();
        assertThat(posthogText.text()).contains("\"duration\":").contains("\"duration_ms\":").contains("\"$device_id\":")
                .contains("\"machine_id\":").contains("\"api_key\":");
    }

    @Test
    void someAnonymousIdsAreLinkedAfterTheirFirstEventsAndSomeNeverAre() {
        List<Event> events = posthog.events;
        long linkedAnonymousEvents = events.stream()
                .filter(e -> e.actor().matches("[0-9a-f-]{36}") && !posthog.root(e.actor()).equals(e.actor())).count();
        long neverLinked = events.stream()
                .filter(e -> !e.ci() && e.actor().matches("[0-9a-f-]{36}") && posthog.root(e.actor()).equals(e.actor())).count();
        assertThat(linkedAnonymousEvents).isPositive();
        assertThat(neverLinked).isPositive();
    }

    @Test
    void segmentUsesBothCatalogGenerationsFlowEventsAndLinks() throws Exception {
        assertThat(segment.eventNames).containsKeys("Command Invoked", "Command Completed", "Command Failed");
        assertThat(segment.flowEvents).containsKeys("CLI Auth Started", "CLI Auth Browser Opened", "CLI Auth Callback Received",
                "CLI Auth Completed", "CLI Auth Failed");
        assertThat(segment.aliasLinks).isPositive();
        assertThat(segment.identifyLinks).isPositive();
        assertThat(segment.batchLines).isPositive();
        long failedRuns = segment.events.stream().filter(e -> e.exitCode() != 0).count();
        assertThat(segment.eventNames.get("Command Failed")).isPositive().isLessThan((int) failedRuns);
        ObjectMapper json = new ObjectMapper();
        long single = 0;
        for (String line : segmentText.lines()) {
            JsonNode node = json.readTree(line);
            if (!node.has("batch")) {
                single++;
                assertThat(node.get("type").asText()).isIn("track", "alias", "identify");
            }
        }
        assertThat(single).isPositive();
        assertThat(segmentText.text()).contains("\"command\":\"").contains("\"command_path\":[").contains("\"event_index\":");
    }
}
