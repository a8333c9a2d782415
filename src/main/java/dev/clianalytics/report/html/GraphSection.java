package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Discovery;
import dev.clianalytics.report.DiscoveryLayouts;
import dev.clianalytics.report.Graph;
import dev.clianalytics.report.Percent;
import java.util.Map;

/**
 * The flow graph of one workflow (by default the most frequent one), drawn as SVG by the page: the
 * nodes and edges of `report graph NAME --top 30 --format json` (report/Discovery), each node with its
 * failure rate and its place in the layered drawing (GraphLayout).
 */
final class GraphSection implements HtmlSection {
    /** Edges drawn when no --top is given: as many as a drawing keeps readable (docs/report.md). */
    static final int EDGES = 30;

    private final boolean mostFrequent;
    private final String workflow;
    private final long minCount;
    private final int maxEdges;

    /** mostFrequent: the summary's first top workflow; else workflow, null for every workflow's runs. */
    GraphSection(boolean mostFrequent, String workflow, long minCount, int maxEdges) {
        this.mostFrequent = mostFrequent;
        this.workflow = workflow;
        this.minCount = minCount;
        this.maxEdges = maxEdges;
    }

    GraphSection() {
        this(true, null, 1, EDGES);
    }

    @Override
    public String key() {
        return "graph";
    }

    @Override
    public String title() {
        return mostFrequent ? "Flow of the most frequent workflow" : "Flow graph";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        String name = workflow;
        if (mostFrequent) {
            JsonNode top = context.summaryJson().get("top_workflows");
            if (top.isEmpty()) {
                return null;
            }
            name = top.get(0).get("workflow_name").asText();
        }
        Graph g = Discovery.graph(context.connection(), context.infer(), name, context.filter(), minCount, maxEdges);
        // --min-cohort: each node and edge by its own actors (as report graph); a suppressed one is drawn
        // dashed, with its name and "<K" and no number (report.js)
        int k = context.cohort().k;
        ObjectNode json = context.cohort().json(Cohorts.graph(context.connection(), context.filter(), name,
                DiscoveryLayouts.graph(g), k, true));
        Map<String, GraphLayout.Place> places = GraphLayout.of(g.nodes(), g.edges());
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        for (String key : new String[] {"workflow_name", "min_count", "dropped_edges", "dropped_nodes"}) {
            data.set(key, json.get(key));
        }
        data.put("max_edges", maxEdges);
        if (k > 1) {
            data.put("min_cohort", k);
        }
        for (JsonNode n : json.get("nodes")) {
            Graph.Node node = g.nodes().stream().filter(x -> x.step().equals(n.get("step").asText())).findFirst()
                    .orElseThrow();
            GraphLayout.Place p = places.get(node.step());
            boolean hidden = n.path("suppressed").asBoolean(false);
            ((ObjectNode) n).put("failure_rate", node.pseudo() || hidden ? null : Percent.of(node.failures(), node.count()))
                    .put("column", p.column()).put("row", p.row());
        }
        data.set("nodes", json.get("nodes"));
        data.set("edges", json.get("edges"));
        return data;
    }
}
