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
 * report/two_tools_apply.jsonl: terraform and kubectl both end runs with `apply`, so both are
 * apply_workflow. terraform (one session): apply; plan, apply exit 1; init, apply (all 1.7.0);
 * validate, apply (1.7.1). kubectl (one session): apply (1.7.0); diff, apply; apply exit 1 (1.29.2).
 * That is 7 runs over 6 fingerprints, and version 1.7.0 in both tools.
 */
class TwoToolsOneWorkflowTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir, "report/two_tools_apply.jsonl");
    }

    private static String run(String... args) {
        List<String> all = new ArrayList<>(List.of("report", "workflow", "apply_workflow"));
        all.addAll(List.of(args));
        Result r = CliRun.withDb(db).run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        return new ObjectMapper().readTree(run(all.toArray(String[]::new)));
    }

    private static List<String> rows(JsonNode array, String... keys) {
        List<String> rows = new ArrayList<>();
        array.forEach(row -> {
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                assertThat(row.has(key)).as(key + " in " + row).isTrue();
                values.add(row.get(key).asText());
            }
            rows.add(String.join(" ", values));
        });
        return rows;
    }

    @Test
    void versionRowsAreGroupedByToolAndVersionInJson() throws Exception {
        JsonNode w = json();
        assertThat(rows(w.get("tool_versions"), "tool_name", "tool_version", "total_runs", "success_count",
                "failed_count", "success_rate")).containsExactly(
                "terraform 1.7.0 3 2 1 66.67",
                "kubectl 1.29.2 2 1 1 50.0",
                "kubectl 1.7.0 1 1 0 100.0",
                "terraform 1.7.1 1 1 0 100.0");
    }

    @Test
    void versionRowsNameTheirToolInCsvTableAndMarkdown() {
        assertThat(run("--format", "csv")).contains("\r\n\r\n"
                + "section,tool_name,tool_version,total_runs,success_count,failed_count,success_rate\r\n"
                + "tool_versions,terraform,1.7.0,3,2,1,66.67\r\n"
                + "tool_versions,kubectl,1.29.2,2,1,1,50.00\r\n"
                + "tool_versions,kubectl,1.7.0,1,1,0,100.00\r\n"
                + "tool_versions,terraform,1.7.1,1,1,0,100.00\r\n\r\n");
        assertThat(run()).contains("\nSuccess by tool version\n"
                + "  tool       version  runs  ok  failed  success\n"
                + "  ---------  -------  ----  --  ------  -------\n"
                + "  terraform  1.7.0       3   2       1    66.7%\n"
                + "  kubectl    1.29.2      2   1       1      50%\n"
                + "  kubectl    1.7.0       1   1       0     100%\n"
                + "  terraform  1.7.1       1   1       0     100%\n\n");
        assertThat(run("--format", "markdown")).contains("\n### Success by tool version\n\n"
                + "| tool | version | runs | ok | failed | success |\n"
                + "|---|---|---:|---:|---:|---:|\n"
                + "| `terraform` | `1.7.0` | 3 | 2 | 1 | 66.7% |\n"
                + "| `kubectl` | `1.29.2` | 2 | 1 | 1 | 50% |\n"
                + "| `kubectl` | `1.7.0` | 1 | 1 | 0 | 100% |\n"
                + "| `terraform` | `1.7.1` | 1 | 1 | 0 | 100% |\n\n");
    }

    @Test
    void theToolFilterKeepsOneToolsVersions() throws Exception {
        JsonNode w = json("--tool", "kubectl");
        assertThat(rows(w.get("tool_versions"), "tool_name", "tool_version", "total_runs"))
                .containsExactly("kubectl 1.29.2 2", "kubectl 1.7.0 1");
    }

    @Test
    void commonPathsListFiveByDefaultAsTheSeedDid() throws Exception {
        JsonNode w = json();
        assertThat(rows(w.get("common_paths"), "count", "path")).containsExactly(
                "2 kubectl/apply",
                "1 kubectl/diff -> kubectl/apply",
                "1 terraform/apply",
                "1 terraform/init -> terraform/apply",
                "1 terraform/plan -> terraform/apply");
        assertThat(w.get("recent_runs")).as("the other lists keep 10").hasSize(7);
    }

    @Test
    void topSetsTheNumberOfCommonPaths() throws Exception {
        assertThat(rows(json("--top", "10").get("common_paths"), "path")).hasSize(6)
                .endsWith("terraform/validate -> terraform/apply");
        assertThat(json("--top", "2").get("common_paths")).hasSize(2);
        assertThat(json("--top", "5").get("recent_runs")).hasSize(5);
    }
}
