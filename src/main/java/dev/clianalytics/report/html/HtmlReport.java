package dev.clianalytics.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.OwnResources;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.InferInfo;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
     * The sections in page order: the one place a new section plugs in (with its renderer in report.js).
     * Funnels, release regressions, workflow variants and the flow graph of the most frequent workflow
     * join here when those reports exist (docs/report.md, "report html: adding a section").
     */
    static final List<HtmlSection> SECTIONS = List.of(
            new SummarySection(), new TrendsSection(), new WorkflowsSection(), new HotPathsSection(),
            new SettingsSection());

    /** Where the build puts Apache ECharts (pom.xml, execution 'echarts'). */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** The page's data: {"title", "sections": [{"key", "title", "data"}]}; tool resolved as every report does. */
    public static ObjectNode data(Connection c, InferInfo infer, ReportFilter filter, int top) {
        ReportFilter f = Reports.resolveTool(c, filter);
        Summary summary = Reports.summary(c, infer, f, top);
        HtmlContext context = new HtmlContext(c, infer, f, top, summary, summaryJson(summary));
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.put("title", f.tool() == null ? "cli-analytics report" : "cli-analytics report: " + f.tool());
        ArrayNode sections = data.putArray("sections");
        for (HtmlSection s : SECTIONS) {
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

    private static ObjectNode summaryJson(Summary summary) {
        StringWriter json = new StringWriter();
        try {
            ReportFormat.JSON.renderer(0).render(Layouts.summary(summary), json);
            return (ObjectNode) HtmlContext.JSON.readTree(json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
