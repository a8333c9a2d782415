package dev.clianalytics.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.OwnResources;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.InferInfo;
import dev.clianalytics.report.Insights;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.Releases;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.Summary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

/**
 * `report html`: the sections' data as one JSON object, and the page that embeds it with the
 * stylesheet, the charting library and the script that draws it (one file, nothing fetched).
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * The sections of `report html` in page order: the one place a new section plugs in (with its
     * renderer in report.js; docs/report.md, "report html: adding a section").
     */
    static final List<HtmlSection> SECTIONS = List.of(
            new SummarySection(), new TrendsSection(), new WorkflowsSection(), new HotPathsSection(),
            new FunnelsSection(null), new VersionsSection(), new GraphSection(), new SettingsSection());

    /** Where the build puts Apache ECharts (pom.xml, execution 'echarts'). */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** The page's data: {"title", "sections": [{"key", "title", "data"}]}; tool resolved as every report does. */
    public static ObjectNode data(Connection c, InferInfo infer, int minCohort, ReportFilter filter, int top) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report", SECTIONS);
    }

    // ---- the pages of `--format html` for single reports: their own sections, then the settings

    /** report summary: totals and outcomes, the top workflows, where runs fail. */
    public static ObjectNode summary(Connection c, InferInfo infer, int minCohort, ReportFilter filter, int top) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report summary", List.of(new SummarySection(),
                new WorkflowsSection(), new HotPathsSection(), new SettingsSection()));
    }

    /** report hot-paths: where runs fail. */
    public static ObjectNode hotPaths(Connection c, InferInfo infer, int minCohort, ReportFilter filter, int top) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report hot-paths", List.of(new HotPathsSection(),
                new SettingsSection()));
    }

    /** report workflow NAME: the workflow report, its flow graph (EDGES edges). */
    public static ObjectNode workflow(Connection c, InferInfo infer, int minCohort, String name, ReportFilter filter, int top,
            int paths) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report workflow " + name, List.of(
                new WorkflowSection(name, paths), new GraphSection(false, name, 1, GraphSection.EDGES),
                new SettingsSection()));
    }

    /** report funnel [NAME]: every funnel with data, or the one named. */
    public static ObjectNode funnel(Connection c, InferInfo infer, int minCohort, String name, ReportFilter filter, int top) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report funnel" + (name == null ? "" : " " + name),
                List.of(new FunnelsSection(name), new SettingsSection()));
    }

    /** report versions: newest null for every version, else each tool's newest N. */
    public static ObjectNode versions(Connection c, InferInfo infer, int minCohort, ReportFilter filter, int top, String workflow,
            int minRuns, Integer newest) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report versions", List.of(
                new VersionsSection(workflow, minRuns, newest), new SettingsSection()));
    }

    /** report graph [WORKFLOW]: maxEdges null draws the EDGES most frequent. */
    public static ObjectNode graph(Connection c, InferInfo infer, int minCohort, String workflow, ReportFilter filter, int top,
            long minCount, Integer maxEdges) {
        return page(c, infer, minCohort, filter, top, "cli-analytics report graph" + (workflow == null ? "" : " " + workflow),
                List.of(new GraphSection(false, workflow, minCount, maxEdges == null ? GraphSection.EDGES : maxEdges),
                        new SettingsSection()));
    }

    private static ObjectNode page(Connection c, InferInfo infer, int minCohort, ReportFilter filter, int top, String title,
            List<HtmlSection> parts) {
        ReportFilter f = Reports.resolveTool(c, filter);
        List<Releases.Release> releases = Insights.releases(c, f, Releases.DEFAULT_MIN_RUNS);
        Summary summary = Reports.summary(c, infer, f, top, Insights.regressions(releases));
        HtmlContext.Cohort cohort = new HtmlContext.Cohort(minCohort);
        // the summary's hidden values count in the page's ledger only when the page shows the summary
        // (its own sections, or its failure hot paths); a workflow's or a graph's page only reads names in it
        boolean shown = parts.stream().anyMatch(p -> p instanceof SummarySection || p instanceof WorkflowsSection
                || p instanceof HotPathsSection);
        ObjectNode summaryJson = (shown ? cohort : new HtmlContext.Cohort(minCohort))
                .json(Cohorts.summary(c, f, Layouts.summary(summary), minCohort, true));
        HtmlContext context = new HtmlContext(c, infer, f, top, summary, summaryJson, releases, cohort);
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.put("title", f.tool() == null ? title : title + ": " + f.tool());
        ArrayNode sections = data.putArray("sections");
        for (HtmlSection s : parts) {
            JsonNode d = s.data(context);
            if (d != null) {
                sections.addObject().put("key", s.key()).put("title", s.title()).set("data", d);
            }
        }
        return data;
    }

    /** The whole page for the data. */
    public static void write(ObjectNode data, Writer out) throws IOException {
        String page = text("report/html/page.html");
        String[] parts = page.split("/\\*(CSS|DATA|ECHARTS|APP)\\*/", -1);
        out.write(parts[0]);
        out.write(text("report/html/report.css"));
        out.write(parts[1]);
        out.write(dataBlock(data));
        out.write(parts[2]);
        // "</script" cannot occur in a minified script except as text, which the parser would end the
        // element at; ECharts has none (HtmlReportTest checks), so it goes in as it is
        out.write(text(ECHARTS));
        out.write(parts[3]);
        out.write(text("report/html/report.js"));
        out.write(parts[4]);
    }

    /**
     * The JSON as it sits in the page: pretty-printed (a diff of two reports reads well), with every
     * '<' escaped so no value can end the script element or open a comment.
     */
    public static String dataBlock(ObjectNode data) {
        try {
            return HtmlContext.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String resource) {
        byte[] bytes = OwnResources.read(resource);
        if (bytes == null) {
            throw new IllegalStateException("resource missing from the build: " + resource);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
