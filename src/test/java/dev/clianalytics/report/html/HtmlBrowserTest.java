package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's HTML report in a real browser (headless Chromium): it loads without a console message,
 * every chart drew its SVG, the numbers shown are those of the JSON reports (summary, versions, the
 * graph of the most frequent workflow, funnels), and no network request was made.
 */
class HtmlBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theDemoReportDrawsEveryChartWithTheJsonReportsNumbersAndFetchesNothing() throws Exception {
        Path demo = dir.resolve("demo");
        Result r = CliRun.withDb(null).run("demo", "--events", "3000", "--dir", demo.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path page = demo.resolve("report.html");
        assertThat(r.err()).contains("The HTML report is " + page);
        Result json = CliRun.withDb(demo.resolve("cli-analytics.duckdb")).run("report", "summary", "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        Map<String, JsonNode> reports = new HashMap<>();
        reports.put("summary", HtmlContext.JSON.readTree(json.out()));
        String top = reports.get("summary").get("top_workflows").get(0).get("workflow_name").asText();
        reports.put("versions", json(demo, "report", "versions", "--format", "json"));
        reports.put("graph", json(demo, "report", "graph", top, "--top", "30", "--format", "json"));

        Chromium.Visit visit = Chromium.open(page, Files.createDirectories(dir.resolve("browser")));

        assertThat(visit.console()).as("console messages").isEmpty();
        assertThat(visit.requests()).as("network requests").isEmpty();
        List<String> charts = charts(visit.dom());
        assertThat(charts).containsExactly("outcomes", "trends", "success_rates", "durations", "hot_paths", "ngrams",
                "versions", "graph");
        assertThat(visit.dom()).contains("data-rendered=\"" + charts.size() + "\"");
        List<String> shown = shown(visit.dom());
        assertThat(shown).hasSizeGreaterThan(20);
        assertThat(shown).as("a version's success rate").anyMatch(s -> s.startsWith("versions.versions.0.success_rate="));
        assertThat(shown).as("the graph's top edge").anyMatch(s -> s.startsWith("graph.edges.0.count="));
        assertShownAsInJson(shown, reports);
    }

    @Test
    void theFunnelPageDrawsEachFunnelWithTheJsonReportsNumbers() throws Exception {
        Path db = dir.resolve("funnels.duckdb");
        Path page = funnelPage(db, "funnels", "1");
        JsonNode listed = HtmlContext.JSON.readTree(CliRun.withDb(db).run("report", "funnel", "--format", "json").out());

        Chromium.Visit visit = Chromium.open(page, Files.createDirectories(dir.resolve("browser")));

        assertThat(visit.console()).as("console messages").isEmpty();
        assertThat(visit.requests()).as("network requests").isEmpty();
        List<String> withData = new ArrayList<>();
        listed.get("funnels").forEach(f -> {
            if (f.get("attempts").asLong() > 0) {
                withData.add("funnel_" + f.get("funnel").asText());
            }
        });
        assertThat(withData).isNotEmpty();
        assertThat(charts(visit.dom())).isEqualTo(withData);
        List<String> shown = shown(visit.dom());
        assertThat(shown).as("funnel attempts").anyMatch(s -> s.startsWith("funnels.auth.attempts="));
        assertShownAsInJson(shown, Map.of("funnels", listed));
    }

    /** Funnels whose totals and steps are suppressed by --min-cohort draw without an error. */
    @Test
    void aFunnelPageWithSuppressedValuesDrawsWithoutAnError() throws Exception {
        Path page = funnelPage(dir.resolve("funnels-k.duckdb"), "funnels-k", "20");

        Chromium.Visit visit = Chromium.open(page, Files.createDirectories(dir.resolve("browser-funnels-k")));

        assertThat(visit.console()).as("console messages").isEmpty();
        assertThat(charts(visit.dom())).isNotEmpty();
    }

    /** `report funnel --format html` with --min-cohort K of 1,500 generated Segment events, into db. */
    private Path funnelPage(Path db, String name, String k) {
        Path events = dir.resolve(name + ".jsonl");
        assertThat(CliRun.withDb(null).run("generate", "--format", "segment", "--events", "1500", "-o",
                events.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(db).run("-q", "ingest", events.toString()).exitCode()).isZero();
        Path page = dir.resolve(name + ".html");
        Result r = CliRun.withDb(db).run("-q", "report", "funnel", "--format", "html", "-o", page.toString(),
                "--min-cohort", k);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return page;
    }

    /** A page whose only version is suppressed by --min-cohort: no console error, nothing drawn at 0, no false verdict. */
    @Test
    void aPageWithSuppressedVersionsDrawsWithoutThemAndSaysSo() throws Exception {
        Path db = dir.resolve("cohorts.duckdb");
        assertThat(CliRun.withDb(db).run("-q", "ingest", Path.of("src/test/resources/report/cohorts.jsonl").toString())
                .exitCode()).isZero();
        Path page = dir.resolve("k12.html");
        Result r = CliRun.withDb(db).run("-q", "report", "html", "--min-cohort", "12", "-o", page.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        Chromium.Visit visit = Chromium.open(page, Files.createDirectories(dir.resolve("browser-k12")));

        assertThat(visit.console()).as("console messages").isEmpty();
        assertThat(visit.dom()).contains(">No version shown regressed against the one before it; versions from fewer"
                + " actors than --min-cohort are not shown.</p>").doesNotContain(">No version regressed against");
    }

    /**
     * A flow graph with nodes and edges suppressed by --min-cohort (report/cohort-errors.jsonl, K=3:
     * test's 1 actor and build's 3 as its complement): drawn dashed with their names and no numbers.
     */
    @Test
    void aGraphWithSuppressedStepsDrawsThemDashedWithoutNumbers() throws Exception {
        Path db = dir.resolve("cohort-errors.duckdb");
        assertThat(CliRun.withDb(db).run("-q", "ingest", Path.of("src/test/resources/report/cohort-errors.jsonl")
                .toString()).exitCode()).isZero();
        Path page = dir.resolve("graph-k3.html");
        Result r = CliRun.withDb(db).run("-q", "report", "graph", "--format", "html", "--min-cohort", "3", "-o",
                page.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        Chromium.Visit visit = Chromium.open(page, Files.createDirectories(dir.resolve("browser-graph-k3")));

        assertThat(visit.console()).as("console messages").isEmpty();
        assertThat(charts(visit.dom())).containsExactly("graph");
        String dom = visit.dom();
        assertThat(dom.split("class=\"edge suppressed\"", -1)).hasSize(7); // 6 of the 9 edges
        assertThat(dom.split("class=\"edge\"", -1)).hasSize(4);
        assertThat(dom).contains("<title>mytool/test: &lt;3 events</title>")
                .contains("<title>start → mytool/test: from fewer than 3 people, not counted</title>")
                .contains("<title>start → mytool/deploy: 9 runs</title>")
                .contains(" Dashed arrows and boxes without numbers come from fewer than 3 people: their numbers are hidden.");
    }

    private JsonNode json(Path demo, String... args) throws Exception {
        Result r = CliRun.withDb(demo.resolve("cli-analytics.duckdb")).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return HtmlContext.JSON.readTree(r.out());
    }

    private static void assertShownAsInJson(List<String> shown, Map<String, JsonNode> reports) {
        for (String s : shown) {
            String key = s.substring(0, s.indexOf('='));
            if (key.endsWith("_ms")) {
                continue; // a duration, shown for people ("10 min 3 s"); counts and percentages are compared
            }
            assertThat(number(s.substring(key.length() + 1))).as(key).isEqualByComparingTo(expected(reports, key));
        }
    }

    @Test
    void theCheckSeesAConsoleErrorAndARequest() throws Exception {
        Path page = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><body><script>"
                + "console.error('broken'); fetch('http://example.com/x').catch(function () {});</script></body></html>");
        Chromium.Visit visit = Chromium.open(page, Files.createDirectories(dir.resolve("browser")));
        assertThat(visit.console()).anySatisfy(l -> assertThat(l).contains("broken"));
        assertThat(visit.requests()).contains("http://example.com/x");
    }

    /** The charts, in page order, that hold an SVG drawing with at least one shape. */
    private static List<String> charts(String dom) {
        List<String> drawn = new ArrayList<>();
        String[] parts = dom.split("data-chart=\"");
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].substring(0, parts[i].indexOf('"'));
            int end = parts[i].indexOf("</svg>");
            String svg = end < 0 ? "" : parts[i].substring(0, end);
            if (svg.contains("<svg") && Pattern.compile("<(path|rect)\\b").matcher(svg).find()) {
                drawn.add(name);
            }
        }
        return drawn;
    }

    /** "key=text" for every element the page marks with the JSON value it shows. */
    private static List<String> shown(String dom) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("data-json=\"([^\"]+)\"[^>]*>([^<]*)<").matcher(dom);
        while (m.find()) {
            found.add(m.group(1) + "=" + m.group(2));
        }
        return found;
    }

    /**
     * The JSON report's value for a key the page marks: section.path as in HtmlReport's data
     * (funnels.NAME.field: the funnel of that name in report funnel's list).
     */
    private static BigDecimal expected(Map<String, JsonNode> reports, String key) {
        String[] p = key.split("\\.");
        JsonNode report = reports.get(p[0].equals("workflows") || p[0].equals("hot_paths") ? "summary" : p[0]);
        assertThat(report).as("the JSON report for " + key).isNotNull();
        JsonNode v = switch (p[0]) {
            case "summary" -> p[1].equals("totals") ? report.get(p[2]) : report.get(p[1]).get(p[2]);
            case "workflows" -> report.get("top_workflows").get(Integer.parseInt(p[1])).get(p[2]);
            case "hot_paths" -> report.get(p[1]).get(Integer.parseInt(p[2])).get(p[3]);
            case "versions", "graph" -> report.get(p[1]).get(Integer.parseInt(p[2])).get(p[3]);
            case "funnels" -> {
                JsonNode found = null;
                for (JsonNode f : report.get("funnels")) {
                    if (f.get("funnel").asText().equals(p[1])) {
                        found = f.get(p[2]);
                    }
                }
                yield found;
            }
            default -> throw new AssertionError("unknown key " + key);
        };
        assertThat(v).as(key).isNotNull();
        return v.decimalValue();
    }

    /** A shown count or percentage as a number: "1,234" → 1234, "66.67%" → 66.67. */
    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", "").replace("%", "").strip());
    }
}
