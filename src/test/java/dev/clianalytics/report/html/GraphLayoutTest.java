package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flow graph's layout: columns follow the main predecessor, rows keep the main flow straight. */
class GraphLayoutTest {
    @Test
    void aChainReadsLeftToRightAndASideBranchTakesTheNextRow() {
        List<Graph.Node> nodes = List.of(node("start", 10), node("init", 6), node("plan", 8), node("apply", 8),
                node("kubectl", 4), node("end:SUCCESS", 8), node("end:FAILED", 2));
        List<Graph.Edge> edges = List.of(edge("plan", "apply", 8), edge("init", "plan", 6), edge("start", "init", 6),
                edge("apply", "end:SUCCESS", 6), edge("start", "kubectl", 4), edge("kubectl", "end:SUCCESS", 2),
                edge("apply", "end:FAILED", 2), edge("kubectl", "kubectl", 1), edge("apply", "plan", 1),
                edge("start", "plan", 2));
        Map<String, GraphLayout.Place> p = GraphLayout.of(nodes, edges);
        assertThat(p).containsEntry("start", new GraphLayout.Place(0, 0))
                .containsEntry("init", new GraphLayout.Place(1, 0))
                .containsEntry("plan", new GraphLayout.Place(2, 0))
                .containsEntry("apply", new GraphLayout.Place(3, 0))
                .containsEntry("end:SUCCESS", new GraphLayout.Place(4, 0))
                // kubectl's main successor is end:SUCCESS too, but that row is the chain's: the next free row
                .containsEntry("kubectl", new GraphLayout.Place(1, 1))
                .containsEntry("end:FAILED", new GraphLayout.Place(4, 1));
    }

    @Test
    void aLoopBackDoesNotMoveTheStepItReturnsTo() {
        List<Graph.Node> nodes = List.of(node("start", 5), node("a", 5), node("b", 5), node("end:SUCCESS", 5));
        List<Graph.Edge> edges = List.of(edge("start", "a", 5), edge("a", "b", 5), edge("b", "a", 3),
                edge("b", "end:SUCCESS", 5));
        Map<String, GraphLayout.Place> p = GraphLayout.of(nodes, edges);
        assertThat(p.get("a").column()).isEqualTo(1);
        assertThat(p.get("b").column()).isEqualTo(2);
        assertThat(p.get("end:SUCCESS").column()).isEqualTo(3);
    }

    private static Graph.Node node(String step, long count) {
        return new Graph.Node(step, count, 0);
    }

    private static Graph.Edge edge(String from, String to, long count) {
        return new Graph.Edge(from, to, count, null);
    }
}
