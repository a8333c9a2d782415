package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.FunnelLayouts;
import dev.clianalytics.report.FunnelReport;
import dev.clianalytics.report.Funnels;

/**
 * Every funnel with attempts in scope (or the one named): the row of `report funnel --format json`
 * and, as step_stats, the steps of `report funnel NAME --format json`; computed by report/Funnels.
 */
final class FunnelsSection implements HtmlSection {
    /** null: every funnel with data; else only this one (report funnel NAME --format html). */
    private final String only;

    FunnelsSection(String only) {
        this.only = only;
    }

    @Override
    public String key() {
        return "funnels";
    }

    @Override
    public String title() {
        return only == null ? "Funnels" : "Funnel " + only;
    }

    @Override
    public JsonNode data(HtmlContext context) {
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        ArrayNode out = data.putArray("funnels");
        JsonNode listed = HtmlContext.json(FunnelLayouts.list(Funnels.list(context.connection(), context.filter()),
                context.infer(), context.filter())).get("funnels");
        if (only != null) {
            // an unknown name is report funnel's error, with its suggestions
            Funnels.funnel(context.connection(), context.infer(), only, context.filter(), null, 1);
        }
        for (JsonNode f : listed) {
            String name = f.get("funnel").asText();
            if (only == null ? f.get("attempts").asLong() == 0 : !name.equals(only)) {
                continue;
            }
            FunnelReport report = Funnels.funnel(context.connection(), context.infer(), name, context.filter(), null,
                    context.top());
            ObjectNode row = ((ObjectNode) f).deepCopy();
            // --min-cohort: the totals and each step by their own actors (as report funnel NAME)
            ObjectNode judged = context.cohort().json(Cohorts.funnel(context.connection(), context.filter(), name,
                    report.by(), FunnelLayouts.funnel(report, false), context.cohort().k, true));
            if (context.cohort().k > 1) {
                for (String key : new String[] {"attempts", "completed", "failed_attempts", "conversion_rate"}) {
                    row.set(key, judged.get(key));
                }
                row.put("suppressed", judged.path("suppressed").asBoolean(false));
            }
            row.set("step_stats", judged.get("steps"));
            out.add(row);
        }
        return data;
    }
}
