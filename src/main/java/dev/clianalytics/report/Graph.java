package dev.clianalytics.report;

import java.util.List;

/**
 * `report graph`: the directly-follows graph of workflow runs. workflowName is null for every
 * workflow; dropped counts what --min-count (and --top) left out.
 */
public record Graph(String workflowName, ReportFilter filter, InferInfo infer, List<Node> nodes, List<Edge> edges,
        long minCount, long droppedEdges, long droppedNodes) {

    public static final String START = "start";

    /** A step (or start / end:OUTCOME): its events (runs for start and the ends) and failing events. */
    public record Node(String step, long count, long failures) {
        public boolean pseudo() {
            return step.equals(START) || step.startsWith("end:");
        }
    }

    /** medianMs: from the end of one command to the start of the next; null from start and to an end. */
    public record Edge(String from, String to, long count, Long medianMs) {}
}
