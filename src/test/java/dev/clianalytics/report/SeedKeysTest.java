package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON keys a script written against the seed system reads, each at its place (SPEC §6.1, §6.2).
 * More keys are allowed; none of these may go missing or move.
 */
class SeedKeysTest {
    private static final List<String> SUMMARY = List.of("total_events", "total_sessions", "total_workflows",
            "top_workflows", "failure_hot_paths");
    private static final List<String> TOP_WORKFLOW = List.of("workflow_name", "total_runs", "success_count",
            "failed_count", "abandoned_count", "success_rate", "median_duration_ms");
    private static final List<String> HOT_PATH = List.of("command_fingerprint", "failure_count", "workflow_name");
    private static final List<String> WORKFLOW = List.of("workflow_name", "total_runs", "success_rate",
            "median_duration_ms", "outcomes", "common_paths", "recent_runs");
    private static final List<String> OUTCOMES = List.of("SUCCESS", "FAILED", "ABANDONED");
    private static final List<String> COMMON_PATH = List.of("path", "count");
    private static final List<String> RECENT_RUN = List.of("id", "outcome", "started_at", "duration_ms", "step_count");

    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    private static JsonNode json(String... args) throws Exception {
        Result r = CliRun.withDb(db).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> keys(JsonNode object) {
        assertThat(object.isObject()).as("an object: " + object).isTrue();
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Every element of a non-empty array holds the keys. */
    private static void eachElementHas(JsonNode array, String name, List<String> expected) {
        assertThat(array.isArray()).as(name + " is an array").isTrue();
        assertThat(array).as(name).isNotEmpty();
        array.forEach(element -> assertThat(keys(element)).as(name + "[]").containsAll(expected));
    }

    @Test
    void summaryCarriesTheSeedKeys() throws Exception {
        JsonNode s = json("report", "summary", "--format", "json");
        assertThat(keys(s)).containsAll(SUMMARY);
        eachElementHas(s.get("top_workflows"), "top_workflows", TOP_WORKFLOW);
        eachElementHas(s.get("failure_hot_paths"), "failure_hot_paths", HOT_PATH);
        assertThat(s.get("top_workflows").get(0).get("workflow_name").asText()).isEqualTo("apply_workflow");
    }

    @Test
    void workflowReportCarriesTheSeedKeys() throws Exception {
        JsonNode w = json("report", "workflow", "apply_workflow", "--format", "json");
        assertThat(keys(w)).containsAll(WORKFLOW);
        assertThat(keys(w.get("outcomes"))).containsAll(OUTCOMES);
        eachElementHas(w.get("common_paths"), "common_paths", COMMON_PATH);
        eachElementHas(w.get("recent_runs"), "recent_runs", RECENT_RUN);
        JsonNode path = w.get("common_paths").get(0);
        assertThat(path.get("path").asText()).isEqualTo("terraform/init -> terraform/plan -> terraform/apply");
        assertThat(path.get("count").isIntegralNumber()).isTrue();
    }

    /** The names this tool used before it carried the seed's stay, with the same values (docs/report.md). */
    @Test
    void theEarlierKeysStayBesideTheSeedOnes() throws Exception {
        JsonNode s = json("report", "summary", "--format", "json");
        s.get("top_workflows").forEach(w -> assertThat(w.get("name")).isNotNull().isEqualTo(w.get("workflow_name")));
        JsonNode w = json("report", "workflow", "apply_workflow", "--format", "json");
        w.get("common_paths").forEach(p -> {
            assertThat(p.get("fingerprint")).isNotNull().isEqualTo(p.get("path"));
            assertThat(p.get("runs")).isNotNull().isEqualTo(p.get("count"));
        });
    }
}
