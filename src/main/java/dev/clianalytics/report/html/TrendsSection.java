package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Document;
import dev.clianalytics.report.HtmlQueries;
import dev.clianalytics.report.Kind;
import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        HtmlQueries.Trend trend = HtmlQueries.trends(context.connection(), context.filter());
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.put("unit", trend.unit());
        if (context.cohort().k > 1) {
            data.set("points", suppressed(context, trend));
            return data;
        }
        ArrayNode points = data.putArray("points");
        for (HtmlQueries.TrendPoint p : trend.points()) {
            points.addObject().put("bucket", p.bucket()).put("runs", p.runs()).put("success_count", p.successCount())
                    .put("failed_count", p.failedCount()).put("success_rate", Percent.of(p.successCount(), p.runs()));
        }
        return data;
    }

    /** --min-cohort: the points as a table with each bucket's actors, through the rule every report applies. */
    private static JsonNode suppressed(HtmlContext context, HtmlQueries.Trend trend) {
        Map<String, Long> actors = HtmlQueries.trendActors(context.connection(), context.filter(), trend.unit());
        Table table = new Table("points", "Trends", List.of(
                new Column("bucket", "bucket", Kind.TEXT, List.of()),
                new Column("runs", "runs", Kind.COUNT, List.of()),
                new Column("success_count", "ok", Kind.COUNT, List.of()),
                new Column("failed_count", "failed", Kind.COUNT, List.of()),
                new Column("success_rate", "success", Kind.PERCENT, List.of()),
                new Column("actors", "actors", Kind.COUNT, List.of())),
                trend.points().stream().map(p -> Arrays.<Object>asList(p.bucket(), p.runs(), p.successCount(),
                        p.failedCount(), Percent.of(p.successCount(), p.runs()), actors.getOrDefault(p.bucket(), 0L)))
                        .toList());
        ArrayNode points = (ArrayNode) context.cohort().json(Cohorts.trend(new Document("Trends", List.of(table)),
                context.cohort().k)).get("points");
        points.forEach(p -> ((ObjectNode) p).remove("actors"));
        return points;
    }
}
