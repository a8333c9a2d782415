package dev.clianalytics.report.html;

import dev.clianalytics.report.Graph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places a flow graph's nodes in columns, left to right, for the page's SVG drawing (a small layered
 * drawing): cycles are broken by a depth-first walk from start along the most frequent edges first
 * (an edge back into the walk's path is a back edge); each step then sits one column right of its
 * main predecessor (the one most pairs come from), so the usual order of the steps reads left to
 * right, and the ends share the last column. Rows follow the main flow: a step stays in the row of its
 * main predecessor when it is also that one's main successor, and the cells that flow crosses on its
 * way are kept free, so its arrow runs straight and through no box; every other step takes the first free
 * row of its column (steps with more events first).
 */
final class GraphLayout {
    /** A node's column and its row within the column, both from 0. */
    record Place(int column, int row) {}

    private GraphLayout() {}

    static Map<String, Place> of(List<Graph.Node> nodes, List<Graph.Edge> edges) {
        Map<String, List<Graph.Edge>> out = new HashMap<>();
        edges.stream().sorted(Comparator.comparingLong(Graph.Edge::count).reversed().thenComparing(Graph.Edge::to))
                .forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
        Set<Graph.Edge> back = backEdges(nodes, out);
        List<Graph.Edge> forward = edges.stream().filter(e -> !back.contains(e) && !e.from().equals(e.to())).toList();
        // main predecessor and main successor of each step: the forward edge with the most pairs (edges
        // come most frequent first, so the first one seen wins ties)
        Map<String, String> mainFrom = new HashMap<>();
        Map<String, String> mainTo = new HashMap<>();
        for (Graph.Edge e : forward) {
            mainFrom.putIfAbsent(e.to(), e.from());
            mainTo.putIfAbsent(e.from(), e.to());
        }
        // columns in topological order of the forward edges (Kahn)
        Map<String, Integer> column = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        nodes.forEach(n -> incoming.put(n.step(), 0));
        forward.forEach(e -> incoming.merge(e.to(), 1, Integer::sum));
        Deque<String> ready = new ArrayDeque<>();
        nodes.stream().filter(n -> incoming.get(n.step()) == 0).forEach(n -> ready.add(n.step()));
        while (!ready.isEmpty()) {
            String n = ready.poll();
            String from = mainFrom.get(n);
            column.put(n, from == null ? 0 : column.get(from) + 1);
            for (Graph.Edge e : forward) {
                if (e.from().equals(n) && incoming.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        int last = nodes.stream().filter(n -> !n.pseudo()).mapToInt(n -> column.getOrDefault(n.step(), 1))
                .max().orElse(0) + 1;
        nodes.forEach(n -> column.put(n.step(), n.step().startsWith("end:") ? last : column.getOrDefault(n.step(), 1)));
        // rows: column by column, steps with more events first
        List<Graph.Node> order = new ArrayList<>(nodes);
        order.sort(Comparator.comparingInt((Graph.Node n) -> column.get(n.step()))
                .thenComparing(Comparator.comparingLong(Graph.Node::count).reversed()).thenComparing(Graph.Node::step));
        Map<String, String> cells = new HashMap<>(); // "column/row" -> the step in it, or "->step" kept for a flow
        Map<String, Place> places = new LinkedHashMap<>();
        for (Graph.Node n : order) {
            int col = column.get(n.step());
            String from = mainFrom.get(n.step());
            Integer row = null;
            if (from != null && n.step().equals(mainTo.get(from))) { // main flow both ways: stay in its row
                int wanted = places.get(from).row();
                String cell = cells.get(col + "/" + wanted);
                if (cell == null || cell.equals("->" + n.step())) {
                    row = wanted;
                }
            }
            if (row == null) {
                row = 0;
                while (cells.containsKey(col + "/" + row)) {
                    row++;
                }
            }
            cells.put(col + "/" + row, n.step());
            places.put(n.step(), new Place(col, row));
            String to = mainTo.get(n.step());
            if (to != null && n.step().equals(mainFrom.get(to))) { // the flow that will stay in this row
                for (int c = col + 1; c <= column.get(to); c++) {
                    cells.putIfAbsent(c + "/" + row, "->" + to);
                }
            }
        }
        Map<String, Place> inNodeOrder = new LinkedHashMap<>();
        nodes.forEach(n -> inNodeOrder.put(n.step(), places.get(n.step())));
        return inNodeOrder;
    }

    /** Edges into a node on the depth-first path from start: removing them leaves no cycle. */
    private static Set<Graph.Edge> backEdges(List<Graph.Node> nodes, Map<String, List<Graph.Edge>> out) {
        Set<Graph.Edge> back = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (Graph.Node n : nodes) {
            if (!done.contains(n.step())) {
                walk(n.step(), out, done, onPath, back);
            }
        }
        return back;
    }

    private static void walk(String node, Map<String, List<Graph.Edge>> out, Set<String> done, Set<String> onPath,
            Set<Graph.Edge> back) {
        done.add(node);
        onPath.add(node);
        for (Graph.Edge e : out.getOrDefault(node, List.of())) {
            if (onPath.contains(e.to())) {
                back.add(e);
            } else if (!done.contains(e.to())) {
                walk(e.to(), out, done, onPath, back);
            }
        }
        onPath.remove(node);
    }
}
