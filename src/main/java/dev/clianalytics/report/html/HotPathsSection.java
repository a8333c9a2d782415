package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Failure hot paths and failing step sequences with their error types, as `report summary` ranks them. */
final class HotPathsSection implements HtmlSection {
    @Override
    public String key() {
        return "hot_paths";
    }

    @Override
    public String title() {
        return "Where runs fail";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.set("failure_hot_paths", context.summaryJson().get("failure_hot_paths"));
        data.set("failing_ngrams", context.summaryJson().get("failing_ngrams"));
        return data;
    }
}
