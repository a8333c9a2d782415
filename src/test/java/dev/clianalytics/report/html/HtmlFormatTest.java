package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.report.Golden;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--format html` of the single reports: each page holds that report's sections; `-o` for any format. */
class HtmlFormatTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    @Test
    void eachReportWritesAPageOfItsOwnSections() throws Exception {
        assertThat(sections("summary")).containsExactly("summary", "workflows", "hot_paths", "settings");
        assertThat(sections("workflow", "apply_workflow")).containsExactly("workflow", "graph", "settings");
        assertThat(sections("hot-paths")).containsExactly("hot_paths", "settings");
        assertThat(sections("funnel")).containsExactly("funnels", "settings");
        assertThat(sections("versions")).containsExactly("versions", "settings");
        assertThat(sections("graph")).containsExactly("graph", "settings");
    }

    @Test
    void thePageOfAReportShowsWhatItsJsonSays() throws Exception {
        JsonNode workflow = section(page("workflow", "apply_workflow"), "workflow");
        JsonNode json = HtmlContext.JSON.readTree(run("report", "workflow", "apply_workflow", "--format", "json").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove(List.of("infer", "filters"));
        assertThat(workflow).isEqualTo(json);
        JsonNode graph = section(page("graph", "apply_workflow", "--top", "2"), "graph");
        JsonNode graphJson = HtmlContext.JSON.readTree(run("report", "graph", "apply_workflow", "--top", "2",
                "--format", "json").out());
        assertThat(graph.get("edges")).isEqualTo(graphJson.get("edges"));
        assertThat(graph.get("dropped_edges")).isEqualTo(graphJson.get("dropped_edges"));
        JsonNode versions = section(page("versions", "--min-runs", "2"), "versions");
        assertThat(versions.get("versions")).isEqualTo(HtmlContext.JSON.readTree(run("report", "versions", "--min-runs",
                "2", "--format", "json").out()).get("versions"));
    }

    @Test
    void withoutOutputThePageGoesToStdout() {
        Result r = run("report", "versions", "--format", "html");
        assertThat(r.out().startsWith("<!DOCTYPE html>")).isTrue();
        assertThat(r.out().endsWith("</html>\n")).isTrue();
    }

    @Test
    void outputWritesAnyFormatToTheFile() throws Exception {
        Path file = dir.resolve("summary.json");
        Result r = run("report", "summary", "--format", "json", "-o", file.toString());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("wrote " + file + " (");
        assertThat(Files.readString(file)).isEqualTo(run("report", "summary", "--format", "json").out());
    }

    @Test
    void aReportWithoutAPageRefusesHtmlWithItsFormats() {
        Result r = run("report", "errors", "--format", "html");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --format html writes a page, which this report does not have; this"
                + " report's formats: table, json, csv, markdown\n");
        r = run("report", "summary", "--format", "dot");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --format dot draws a graph, which only 'report graph' has; this"
                + " report's formats: table, json, csv, markdown, html\n");
        r = run("report", "graph", "--format", "csv", "--since", "2099-01-01", "--until", "2000-01-01");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void intoAMissingDirectoryItFailsWithOneLineAndWritesNothing() {
        Path missing = dir.resolve("no-such-dir").resolve("g.html");
        Result r = run("report", "graph", "--format", "html", "-o", missing.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: cannot write " + missing + ": no such directory " + missing.getParent()
                + "\n");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void theFunnelsSectionHoldsEveryFunnelWithDataAndItsSteps() throws Exception {
        Path events = dir.resolve("segment.jsonl");
        Path funnels = dir.resolve("funnels.duckdb");
        assertThat(CliRun.withDb(null).run("generate", "--format", "segment", "--events", "1500", "-o",
                events.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(funnels).run("-q", "ingest", events.toString()).exitCode()).isZero();
        Path page = dir.resolve("funnels.html");
        Result r = CliRun.withDb(funnels).run("-q", "report", "funnel", "--format", "html", "-o", page.toString(),
                "--min-cohort", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode data = section(HtmlContext.JSON.readTree(HtmlPage.dataBlock(Files.readString(page))), "funnels");
        Golden.assertMatches("report-html-funnels.json", HtmlContext.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(data) + "\n");
        JsonNode listed = HtmlContext.JSON.readTree(CliRun.withDb(funnels).run("report", "funnel", "--format", "json")
                .out()).get("funnels");
        List<String> withData = new ArrayList<>();
        listed.forEach(f -> {
            if (f.get("attempts").asLong() > 0) {
                withData.add(f.get("funnel").asText() + "=" + f.get("attempts"));
            }
        });
        List<String> shown = new ArrayList<>();
        data.get("funnels").forEach(f -> shown.add(f.get("funnel").asText() + "=" + f.get("attempts")));
        assertThat(shown).isNotEmpty().isEqualTo(withData);
        JsonNode auth = HtmlContext.JSON.readTree(CliRun.withDb(funnels).run("report", "funnel", "auth", "--format",
                "json").out());
        for (JsonNode f : data.get("funnels")) {
            if (f.get("funnel").asText().equals("auth")) {
                assertThat(f.get("step_stats")).isEqualTo(auth.get("steps"));
            }
        }
    }

    private static Result run(String... args) {
        return CliRun.withDb(db).run(args);
    }

    private static JsonNode page(String... report) throws Exception {
        Path page = Files.createTempFile(dir, "page", ".html");
        List<String> args = new ArrayList<>(List.of("-q", "report"));
        args.addAll(List.of(report));
        args.addAll(List.of("--format", "html", "-o", page.toString(), "--min-cohort", "1"));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return HtmlContext.JSON.readTree(HtmlPage.dataBlock(Files.readString(page)));
    }

    private static List<String> sections(String... report) throws Exception {
        List<String> keys = new ArrayList<>();
        page(report).get("sections").forEach(s -> keys.add(s.get("key").asText()));
        return keys;
    }

    private static JsonNode section(JsonNode page, String key) {
        for (JsonNode s : page.get("sections")) {
            if (s.get("key").asText().equals(key)) {
                return s.get("data");
            }
        }
        throw new AssertionError("no section " + key);
    }
}
