package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Discovery;
import dev.clianalytics.report.DiscoveryLayouts;
import dev.clianalytics.report.HtmlQueries;
import dev.clianalytics.report.Variants;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The summary's top workflows (success rate as the JSON report gives it), each with the
 * distribution of its successful runs' durations and its most common variants (the rows of
 * `report variants NAME --top 3 --format json`, computed by report/Discovery).
 */
final class WorkflowsSection implements HtmlSection {
    /** Variants listed per workflow: enough to see the usual ways, few enough to read in a table cell. */
    static final int VARIANTS = 3;

    @Override
    public String key() {
        return "workflows";
    }

    @Override
    public String title() {
        return "Top workflows";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        Map<String, HtmlQueries.DurationBox> boxes = HtmlQueries.durations(context.connection(), context.filter())
                .stream().collect(Collectors.toMap(HtmlQueries.DurationBox::workflowName, Function.identity()));
        // every workflow's variants in one scan (report variants' ranking; one call per workflow cost 9 scans)
        Map<String, Variants> variants = Discovery.topVariants(context.connection(), context.infer(), context.filter(),
                VARIANTS);
        var judged = Cohorts.workflowVariants(context.connection(), context.filter(), VARIANTS, context.cohort().k);
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        ArrayNode workflows = data.putArray("workflows");
        for (JsonNode w : context.summaryJson().get("top_workflows")) {
            ObjectNode out = workflows.addObject();
            String name = w.get("workflow_name").asText();
            for (String k : new String[] {"workflow_name", "total_runs", "success_count", "failed_count",
                    "abandoned_count", "in_progress_count", "success_rate", "median_duration_ms"}) {
                out.set(k, w.get(k));
            }
            // suppressed (--min-cohort): nothing of the workflow's runs; its variants each by their own actors
            boolean hidden = w.path("suppressed").asBoolean(false);
            HtmlQueries.DurationBox b = hidden ? null : boxes.get(name);
            if (b == null) {
                out.putNull("durations_ms");
            } else {
                out.putObject("durations_ms").put("successful_runs", b.runs()).put("p5", b.p5()).put("p25", b.p25())
                        .put("median", b.median()).put("p75", b.p75()).put("p95", b.p95());
            }
            Variants v = hidden ? null : variants.get(name);
            ObjectNode listed = context.cohort().json(judged.apply(name, DiscoveryLayouts.variants(v != null ? v
                    : new Variants(name, false, context.filter(), context.infer(), 0, List.of(),
                            new Variants.Other(0, 0, 0, null)))));
            out.set("variant_count", listed.get("variant_count"));
            out.set("variants", listed.get("variants"));
            out.set("variants_coverage", listed.get("coverage"));
        }
        return data;
    }
}
