package dev.clianalytics.report;

import static dev.clianalytics.report.Layouts.row;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.util.ArrayList;
import java.util.List;

/** Lays the discovery reports out as sections, with their JSON/CSV keys and table labels. */
public final class DiscoveryLayouts {
    private DiscoveryLayouts() {}

    public static Document variants(Variants v) {
        long total = v.totalRuns();
        List<Section> sections = new ArrayList<>();
        sections.add(new Fields("overview", "Overview", true, List.of(
                new Field("workflow_name", "workflow", Kind.TEXT, v.workflowName()),
                new Field("total_runs", "runs", Kind.COUNT, total),
                new Field("variant_count", "variants", Kind.COUNT, v.shown().size() + v.other().variants()),
                new Field("collapse_retries", "retries collapsed", Kind.FLAG, v.collapseRetries()))));
        sections.add(new Table("variants", "Variants (most frequent first)", List.of(
                new Column("rank", "#", Kind.COUNT),
                new Column("fingerprint", "fingerprint", Kind.PATH),
                new Column("runs", "runs", Kind.COUNT),
                new Column("share", "share", Kind.PERCENT),
                new Column("success_rate", "success", Kind.PERCENT),
                new Column("median_duration_ms", "median", Kind.DURATION_MS)),
                v.shown().stream().map(s -> row(s.rank(), s.fingerprint(), s.runs(), Percent.of(s.runs(), total),
                        Percent.of(s.successCount(), s.runs()), s.medianDurationMs())).toList()));
        Variants.Other o = v.other();
        sections.add(new Fields("other", "Other variants", false, List.of(
                new Field("variants", "variants", Kind.COUNT, o.variants()),
                new Field("runs", "runs", Kind.COUNT, o.runs()),
                new Field("share", "share", Kind.PERCENT, Percent.of(o.runs(), total)),
                new Field("success_rate", "success", Kind.PERCENT, Percent.of(o.successCount(), o.runs())),
                new Field("median_duration_ms", "median (successes)", Kind.DURATION_MS, o.medianDurationMs()))));
        long covered = v.shown().stream().mapToLong(Variants.Variant::runs).sum();
        sections.add(new Fields("coverage", "Coverage", true, List.of(
                new Field("coverage", "runs covered by the rows shown", Kind.PERCENT, Percent.of(covered, total)))));
        sections.add(Layouts.infer(v.infer()));
        sections.add(Layouts.filter(v.filter()));
        return new Document("Variants of " + v.workflowName(), sections);
    }

    public static Document variantsOverview(Variants.Overview o) {
        return new Document("Variants per workflow", List.of(
                new Table("workflows", "Variants per workflow", List.of(
                        new Column("workflow_name", "workflow", Kind.NAME),
                        new Column("runs", "runs", Kind.COUNT),
                        new Column("variants", "variants", Kind.COUNT),
                        new Column("top_runs", "top runs", Kind.COUNT),
                        new Column("top_share", "top share", Kind.PERCENT),
                        new Column("top_fingerprint", "top variant", Kind.PATH)),
                        o.workflows().stream().map(w -> row(w.workflowName(), w.runs(), w.variants(), w.topRuns(),
                                Percent.of(w.topRuns(), w.runs()), w.topFingerprint())).toList()),
                new Fields("options", "Options", false, List.of(
                        new Field("collapse_retries", "retries collapsed", Kind.FLAG, o.collapseRetries()))),
                Layouts.infer(o.infer()),
                Layouts.filter(o.filter())));
    }

    public static Document graph(Graph g) {
        return new Document(g.workflowName() == null ? "Flow graph" : "Flow graph of " + g.workflowName(), List.of(
                new Fields("overview", "Overview", true, List.of(
                        new Field("workflow_name", "workflow", Kind.TEXT, g.workflowName()),
                        new Field("min_count", "edges of fewer pairs dropped", Kind.COUNT, g.minCount()),
                        new Field("dropped_edges", "edges dropped", Kind.COUNT, g.droppedEdges()),
                        new Field("dropped_nodes", "nodes dropped", Kind.COUNT, g.droppedNodes()))),
                new Table("nodes", "Nodes (steps; start and end:OUTCOME count runs)", List.of(
                        new Column("step", "step", Kind.PATH),
                        new Column("count", "events", Kind.COUNT),
                        new Column("failures", "failures", Kind.COUNT)),
                        g.nodes().stream().map(n -> row(n.step(), n.count(), n.failures())).toList()),
                new Table("edges", "Edges (most frequent first)", List.of(
                        new Column("from", "from", Kind.PATH),
                        new Column("to", "to", Kind.PATH),
                        new Column("count", "pairs", Kind.COUNT),
                        new Column("median_ms", "median gap", Kind.DURATION_MS)),
                        g.edges().stream().map(e -> row(e.from(), e.to(), e.count(), e.medianMs())).toList()),
                Layouts.infer(g.infer()),
                Layouts.filter(g.filter())));
    }
}
