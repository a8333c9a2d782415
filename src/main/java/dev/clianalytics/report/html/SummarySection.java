package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Totals, outcomes (drawn as a chart) and recovery: the values of `report summary --format json`. */
final class SummarySection implements HtmlSection {
    /** The summary's JSON keys this section shows, in its order. */
    static final List<String> TOTALS = List.of("total_events", "total_sessions", "total_workflows", "total_actors",
            "total_machines", "total_tools", "ci_event_share", "rejected_lines", "ignored_records", "flow_events",
            "identity_links");

    @Override
    public String key() {
        return "summary";
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        ObjectNode s = context.summaryJson();
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        ObjectNode totals = data.putObject("totals");
        TOTALS.forEach(k -> totals.set(k, s.get(k)));
        data.set("outcomes", s.get("outcomes"));
        data.set("recovery", s.get("recovery"));
        return data;
    }
}
