package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.HtmlQueries;
import dev.clianalytics.report.Percent;

/** Workflow runs and success rate per day or week. */
final class TrendsSection implements HtmlSection {
    @Override
    public String key() {
        return "trends";
    }

    @Override
    public String title() {
        return "Trends";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        if (context.cohort().k > 1) {
            return null; // no actor count per row yet: left out rather than shown unchecked (docs/report.md)
        }
        HtmlQueries.Trend trend = HtmlQueries.trends(context.connection(), context.filter());
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.put("unit", trend.unit());
        ArrayNode points = data.putArray("points");
        for (HtmlQueries.TrendPoint p : trend.points()) {
            points.addObject().put("bucket", p.bucket()).put("runs", p.runs()).put("success_count", p.successCount())
                    .put("failed_count", p.failedCount()).put("success_rate", Percent.of(p.successCount(), p.runs()));
        }
        return data;
    }
}
