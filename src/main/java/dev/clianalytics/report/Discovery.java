package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes the discovery reports (variants, flow graph) from the stored runs and steps. */
public final class Discovery {
    private Discovery() {}

    public static Variants variants(Connection c, InferInfo infer, String name, ReportFilter f, int top,
            boolean collapse) {
        requireWorkflow(c, name);
        Rows.execute(c, "variant_runs.sql");
        List<Variants.Variant> shown = new ArrayList<>();
        Variants.Other other = new Variants.Other(0, 0, 0, null);
        long total = 0;
        for (Rows.Row r : Rows.filtered(c, "variants.sql", f, name, collapse, top)) {
            total += r.count("runs");
            if (r.longOrNull("rank") == null) {
                other = new Variants.Other(r.count("variants"), r.count("runs"), r.count("success_count"),
                        r.longOrNull("median_duration_ms"));
            } else {
                shown.add(new Variants.Variant(r.count("rank"), r.text("fingerprint"), r.count("runs"),
                        r.count("success_count"), r.longOrNull("median_duration_ms")));
            }
        }
        return new Variants(name, collapse, f, infer, total, shown, other);
    }

    /**
     * Every workflow's top variants at once, by workflow name (retries not collapsed): what
     * {@link #variants} gives each workflow's shown rows, with the other variants as one row, from one
     * scan of the runs (variants_top.sql).
     */
    public static java.util.Map<String, Variants> topVariants(Connection c, InferInfo infer, ReportFilter f, int top) {
        Rows.execute(c, "variant_runs.sql");
        java.util.Map<String, List<Rows.Row>> rows = new java.util.LinkedHashMap<>();
        Rows.filtered(c, "variants_top.sql", f, top)
                .forEach(r -> rows.computeIfAbsent(r.text("workflow_name"), k -> new ArrayList<>()).add(r));
        java.util.Map<String, Variants> out = new java.util.LinkedHashMap<>();
        rows.forEach((name, list) -> {
            long total = list.get(0).count("total_runs");
            List<Variants.Variant> shown = list.stream().map(r -> new Variants.Variant(r.count("rank"),
                    r.text("fingerprint"), r.count("runs"), r.count("success_count"), r.longOrNull("median_duration_ms")))
                    .toList();
            long covered = shown.stream().mapToLong(Variants.Variant::runs).sum();
            // the rest's success count and median are not needed by the page: left 0 and null
            out.put(name, new Variants(name, false, f, infer, total, shown,
                    new Variants.Other(list.get(0).count("variants") - shown.size(), total - covered, 0, null)));
        });
        return out;
    }

    public static Variants.Overview variantsOverview(Connection c, InferInfo infer, ReportFilter f, boolean collapse) {
        Rows.execute(c, "variant_runs.sql");
        return new Variants.Overview(collapse, f, infer, Rows.filtered(c, "variants_overview.sql", f, collapse).stream()
                .map(r -> new Variants.Workflow(r.text("workflow_name"), r.count("runs"), r.count("variants"),
                        r.text("top_fingerprint"), r.count("top_runs"))).toList());
    }

    /**
     * The graph of one workflow (name) or of every one (null), with the edges of fewer than minCount
     * pairs dropped and, when maxEdges is given, all but that many most frequent; then the nodes left
     * without an edge.
     */
    public static Graph graph(Connection c, InferInfo infer, String name, ReportFilter f, long minCount,
            Integer maxEdges) {
        if (name != null) {
            requireWorkflow(c, name);
        }
        List<Rows.Row> rows = Rows.filtered(c, "graph_edges.sql", f, name);
        List<Graph.Edge> all = rows.stream()
                .map(r -> new Graph.Edge(r.text("from"), r.text("to"), r.count("count"), r.longOrNull("median_ms")))
                .toList();
        // a node's events are the pairs into it (start: the runs out of it); its failures ride on them
        Map<String, long[]> totals = new HashMap<>();
        for (Rows.Row r : rows) {
            long[] to = totals.computeIfAbsent(r.text("to"), k -> new long[2]);
            to[0] += r.count("count");
            to[1] += r.count("failures");
            if (r.text("from").equals(Graph.START)) {
                totals.computeIfAbsent(Graph.START, k -> new long[2])[0] += r.count("count");
            }
        }
        List<Graph.Edge> kept = all.stream().filter(e -> e.count() >= minCount)
                .limit(maxEdges == null ? Long.MAX_VALUE : maxEdges).toList();
        Set<String> linked = new HashSet<>();
        kept.forEach(e -> {
            linked.add(e.from());
            linked.add(e.to());
        });
        List<Graph.Node> nodes = totals.entrySet().stream()
                .map(e -> new Graph.Node(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(Discovery::nodeGroup)
                        .thenComparing(Comparator.comparingLong(Graph.Node::count).reversed())
                        .thenComparing(Graph.Node::step))
                .toList();
        List<Graph.Node> keptNodes = nodes.stream().filter(n -> linked.contains(n.step())).toList();
        return new Graph(name, f, infer, keptNodes, kept, minCount, all.size() - kept.size(),
                nodes.size() - keptNodes.size());
    }

    /** start first, then the steps, then the ends in outcome order. */
    private static int nodeGroup(Graph.Node n) {
        if (n.step().equals(Graph.START)) {
            return 0;
        }
        int end = END_ORDER.indexOf(n.step());
        return end < 0 ? 1 : 2 + end;
    }

    private static final List<String> END_ORDER =
            List.of("end:SUCCESS", "end:FAILED", "end:ABANDONED", "end:IN_PROGRESS");

    /** An unknown name is an error naming the closest known ones, as for `report workflow`. */
    static void requireWorkflow(Connection c, String name) {
        List<String> names = Rows.query(c, "workflow_names.sql", List.of()).stream()
                .map(r -> r.text("workflow_name")).toList();
        if (!names.contains(name)) {
            throw new CliAnalyticsException("no workflow named '" + name + "'" + Reports.suggestions(name, names));
        }
    }
}
