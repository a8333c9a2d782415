package dev.clianalytics.report;

import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A graph report (sections "nodes" and "edges") as a Mermaid flowchart or a Graphviz DOT digraph,
 * each pasteable as it is: edge labels carry the pairs (and the median gap between steps), nodes
 * carry their events and failure rate and are shaded by it, start and the ends are rounded.
 */
final class GraphRenderer implements Renderer {
    /** Fill colours by failure rate (none, then up to 5, 10, 15, 20, 30 percent, more), light to dark red. */
    private static final String[] FILLS = {"#ffffff", "#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d"};
    private static final double[] LIMITS = {5, 10, 15, 20, 30};
    private static final String PSEUDO_FILL = "#eeeeee";

    private final boolean mermaid;

    GraphRenderer(boolean mermaid) {
        this.mermaid = mermaid;
    }

    @Override
    public void render(Document doc, Writer out) throws IOException {
        Table nodes = table(doc, "nodes");
        Table edges = table(doc, "edges");
        Map<String, String> ids = new HashMap<>();
        StringBuilder b = new StringBuilder();
        String comment = mermaid ? "%% " : "// ";
        b.append(comment).append(doc.title()).append(": ").append(plural(nodes.rows().size(), "node")).append(", ")
                .append(plural(edges.rows().size(), "edge")).append(dropped(doc)).append('\n');
        b.append(mermaid ? "flowchart LR\n" : "digraph flow {\n  rankdir=LR;\n"
                + "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (List<Object> n : nodes.rows()) {
            String step = (String) n.get(0);
            String id = "n" + ids.size();
            ids.put(step, id);
            boolean pseudo = new Graph.Node(step, 0, 0).pseudo();
            // --min-cohort: a suppressed node keeps its name, says "<K" and is not shaded (its rate is hidden)
            BigDecimal rate = n.get(1) instanceof Cohort.Suppressed ? null
                    : Percent.of(((Number) n.get(2)).longValue(), ((Number) n.get(1)).longValue());
            String label = step + "\n" + (n.get(1) instanceof Cohort.Suppressed hidden ? hidden + (pseudo ? " runs" : " events")
                    : pseudo ? counted((Number) n.get(1), "run") : counted((Number) n.get(1), "event") + ", "
                            + (rate == null ? "0" : rate.stripTrailingZeros().toPlainString()) + "% failed");
            String fill = pseudo ? PSEUDO_FILL : FILLS[shade(rate)];
            String font = shade(rate) >= 5 && !pseudo ? "#ffffff" : "#000000";
            if (mermaid) {
                b.append("  ").append(id).append(pseudo ? "([\"" : "[\"").append(mermaidText(label))
                        .append(pseudo ? "\"])" : "\"]").append('\n');
                b.append("  style ").append(id).append(" fill:").append(fill).append(",color:").append(font)
                        .append(step.equals("end:FAILED") ? ",stroke:#cb181d,stroke-width:2px" : "").append('\n');
            } else {
                b.append("  ").append(id).append(" [label=").append(dotText(label))
                        .append(pseudo ? ", shape=oval" : "").append(", fillcolor=\"").append(fill)
                        .append("\", fontcolor=\"").append(font).append('"')
                        .append(step.equals("end:FAILED") ? ", color=\"#cb181d\", penwidth=2" : "").append("];\n");
            }
        }
        long max = edges.rows().stream().filter(e -> e.get(2) instanceof Number)
                .mapToLong(e -> ((Number) e.get(2)).longValue()).max().orElse(1);
        for (List<Object> e : edges.rows()) {
            // --min-cohort: a suppressed edge is drawn dashed and thin, labelled "<K" (no pairs, no gap)
            boolean hidden = e.get(2) instanceof Cohort.Suppressed;
            long count = hidden ? 0 : ((Number) e.get(2)).longValue();
            String label = hidden ? e.get(2).toString() : Values.grouped(count)
                    + (e.get(3) == null ? "" : " · " + Values.duration(((Number) e.get(3)).longValue()));
            String from = ids.get((String) e.get(0));
            String to = ids.get((String) e.get(1));
            if (mermaid) {
                b.append("  ").append(from).append(hidden ? " -.->|\"" : " -->|\"").append(mermaidText(label))
                        .append("\"| ").append(to).append('\n');
            } else {
                // line width grows with the pairs, so the main flow stands out
                double width = 1 + 4.0 * count / max;
                b.append("  ").append(from).append(" -> ").append(to).append(" [label=").append(dotText(label))
                        .append(hidden ? ", style=dashed" : "").append(", penwidth=")
                        .append(String.format(Locale.ROOT, "%.1f", width)).append("];\n");
            }
        }
        if (!mermaid) {
            b.append("}\n");
        }
        out.write(b.toString());
    }

    /** "1 event", "1,234 events". */
    private static String counted(Number n, String noun) {
        return Values.grouped(n.longValue()) + " " + noun + (n.longValue() == 1 ? "" : "s");
    }

    /** 0: no failures; then the first limit the rate is within, or the darkest. */
    static int shade(BigDecimal rate) {
        if (rate == null || rate.signum() == 0) {
            return 0;
        }
        int i = 0;
        while (i < LIMITS.length && rate.doubleValue() > LIMITS[i]) {
            i++;
        }
        return i + 1;
    }

    private static String dropped(Document doc) {
        for (Section s : doc.sections()) {
            if (s instanceof Fields f && f.key().equals("overview")) {
                Map<String, Object> v = new HashMap<>();
                f.fields().forEach(x -> v.put(x.key(), x.value()));
                if (!(v.get("dropped_edges") instanceof Number edges)) {
                    return " (" + v.get("dropped_edges") + " rarer edges dropped)"; // --min-cohort hid how many
                }
                long nodes = ((Number) v.get("dropped_nodes")).longValue();
                return edges.longValue() == 0 ? "" : " (" + plural(edges.longValue(), "rarer edge") + " and "
                        + plural(nodes, "node") + " left without one dropped)";
            }
        }
        return "";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Mermaid text in quotes: its entity codes for quotes and angle brackets, <br/> for a new line. */
    private static String mermaidText(String s) {
        return s.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("\n", "<br/>");
    }

    /** A DOT string: quotes and backslashes escaped, \n for a new line (centred). */
    private static String dotText(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Table table(Document doc, String key) {
        return doc.sections().stream().filter(s -> s instanceof Table t && t.key().equals(key)).map(s -> (Table) s)
                .findFirst().orElseThrow(() -> new IllegalStateException(doc.title() + " has no " + key));
    }
}
