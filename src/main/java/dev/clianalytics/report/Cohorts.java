package dev.clianalytics.report;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The distinct actors behind each row of a report, for {@link Cohort}: queried only when K > 1, so
 * a report with `--min-cohort 1` (the terminal default) runs no extra SQL.
 */
public final class Cohorts {
    private Cohorts() {}

    /**
     * Any other report (versions, trends): rows with their own actor count use it; the other rows and
     * the named values (but a zero) are hidden (Cohort.Actors).
     */
    public static Document scope(Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        // a named value here would count a subset whose actors are not known: as no one's, like a row
        return Cohort.apply(doc, k, new Cohort.Actors(0, Map.of()), json);
    }

    /** A table with its own actors column (the html trend's points), in json. */
    public static Document trend(Document doc, int k) {
        return Cohort.apply(doc, k, new Cohort.Actors(0, Map.of()), true);
    }

    /** `report summary` and `report hot-paths`: per workflow name, per hot path, per regressed release. */
    public static Document summary(Connection c, ReportFilter f, Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Map<String, Long> byName = byKey(Rows.filtered(c, "cohort_workflows.sql", f));
        Map<String, ToLongFunction<List<Object>>> perRow = new HashMap<>();
        perRow.put("top_workflows", row -> byName.getOrDefault(key(row.get(0)), 0L));
        // a regressed release by its own actors, as report versions judges it
        perRow.put("versions", row -> byName.getOrDefault("^" + row.get(0) + '\u001f' + key(row.get(1)), 0L));
        long failed = byName.getOrDefault("#FAILED", 0L);
        long recovered = byName.getOrDefault("#recovered", 0L);
        Map<String, Map<String, Long>> perField = Map.of(
                "outcomes", outcomes(byName, "#"),
                "recovery", Map.of("failed_runs", failed, "recovered_runs", recovered,
                        "recovery_rate", Math.min(failed, recovered), "median_time_to_recover_ms", recovered));
        return Cohort.apply(doc, k, new Cohort.Actors(scopeActors(c, f), perRow, perField), json);
    }

    /** `report workflow NAME`: the workflow's own actors for its counts, and per row of each table. */
    public static Document workflow(Connection c, ReportFilter f, String name, Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Rows.execute(c, "workflow_scope.sql");
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_workflow.sql", f, name));
        Map<String, ToLongFunction<List<Object>>> perRow = new HashMap<>();
        perRow.put("common_paths", lookup(parts, "common_paths", 3));
        perRow.put("stops", lookup(parts, "stops", 0));
        perRow.put("top_error_types", lookup(parts, "top_error_types", 1));
        perRow.put("failure_sources", lookup(parts, "failure_sources", 0));
        perRow.put("failure_http_statuses", lookup(parts, "failure_http_statuses", 0));
        Map<String, Long> versions = parts.getOrDefault("tool_versions", Map.of());
        perRow.put("tool_versions", row -> versions.getOrDefault(key(row.get(0)) + '\u001f' + key(row.get(1)), 0L));
        perRow.put("recent_runs", row -> 1L); // one run is one actor's
        Map<String, Long> overview = parts.getOrDefault("overview", Map.of());
        long actors = overview.getOrDefault("n", 0L);
        long successes = overview.getOrDefault("successes", 0L);
        Map<String, Long> outcomes = outcomes(parts.getOrDefault("outcomes", Map.of()), "");
        // the success rate and the runs give every outcome's share away: as small as the smallest outcome
        long smallestOutcome = outcomes.values().stream().filter(n -> n > 0).min(Long::compare).orElse(0L);
        Map<String, Map<String, Long>> perField = Map.of(
                "outcomes", outcomes,
                "overview", Map.of("success_rate", smallestOutcome, "median_duration_ms", successes,
                        "p90_duration_ms", successes, "recovered_runs", overview.getOrDefault("recovered_runs", 0L)));
        return Cohort.apply(doc, k, new Cohort.Actors(actors, perRow, perField), json);
    }

    /**
     * `report variants`: with a workflow, each shown variant by its own actors, the other variants by
     * theirs, the totals and coverage by the workflow's; without, each workflow's row by the fewer of
     * its actors and its top variant's (the row shows that variant's runs).
     */
    public static Document variants(Connection c, ReportFilter f, String name, boolean collapse, int top, Document doc,
            int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Rows.execute(c, "variant_runs.sql");
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_variants.sql", f, name, collapse, top));
        Map<String, ToLongFunction<List<Object>>> perRow = new HashMap<>();
        perRow.put("variants", lookup(parts, "variant", 1));
        Map<String, Long> workflows = parts.getOrDefault("workflow", Map.of());
        Map<String, Long> tops = parts.getOrDefault("top", Map.of());
        perRow.put("workflows", row -> Math.min(workflows.getOrDefault(key(row.get(0)), 0L),
                tops.getOrDefault(key(row.get(0)), 0L)));
        long all = single(parts, "all");
        return Cohort.apply(doc, k, new Cohort.Actors(all, perRow, variantFields(all, single(parts, "other"))), json);
    }

    /**
     * `report funnel NAME`: the totals by the actors of the attempts (completed and failed by theirs,
     * the conversion by the fewer of the completed and the not completed), each step, breakdown value,
     * failure class and command after a drop-off by its own; the window is a setting, shown.
     */
    public static Document funnel(Connection c, ReportFilter f, String name, String by, Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Rows.execute(c, "funnel_scope.sql");
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_funnel.sql", f, name, by));
        long all = single(parts, "all");
        long completed = single(parts, "#completed");
        Map<String, ToLongFunction<List<Object>>> perRow = new HashMap<>();
        perRow.put("chart", lookup(parts, "step", 0));
        perRow.put("breakdown", lookup(parts, "breakdown", 0));
        perRow.put("failure_classes", lookup(parts, "failure_class", 1));
        perRow.put("after_drop_off", lookup(parts, "command", 1));
        Map<String, Map<String, Long>> perField = Map.of("overview", Map.of("window_ms", Long.MAX_VALUE,
                "attempts", all, "completed", completed, "failed_attempts", single(parts, "#failed"),
                "conversion_rate", Math.min(completed, single(parts, "#not_completed"))));
        return Cohort.apply(doc, k, new Cohort.Actors(all, perRow, perField), json);
    }

    /**
     * `report graph`: each node and edge by its own actors (a node's are those of the pairs into it,
     * start's those of the runs out of it); the overview's dropped counts by the actors of the runs
     * drawn (start's), --min-count as a setting.
     */
    public static Document graph(Connection c, ReportFilter f, String name, Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_graph.sql", f, name));
        Map<String, Long> edges = parts.getOrDefault("edge", Map.of());
        Map<String, ToLongFunction<List<Object>>> perRow = Map.of("nodes", lookup(parts, "node", 0),
                "edges", row -> edges.getOrDefault(key(row.get(0)) + '\u001f' + key(row.get(1)), 0L));
        long runs = parts.getOrDefault("node", Map.of()).getOrDefault(key(Graph.START), 0L);
        return Cohort.apply(doc, k, new Cohort.Actors(runs, perRow,
                Map.of("overview", Map.of("min_count", Long.MAX_VALUE)), graphSums(doc)), json);
    }

    /**
     * A node's events are the pairs into it, and a step's also the pairs out of it (its next step or
     * its run's end); start's runs are the pairs out of it: each node with those edges is one sum.
     */
    private static List<List<Cohort.Cell>> graphSums(Document doc) {
        List<List<Cohort.Cell>> sums = new java.util.ArrayList<>(sums(doc, "nodes", "edges", 1));
        sums.addAll(sums(doc, "nodes", "edges", 0));
        return sums;
    }

    /**
     * Each row of table totals with the rows of table parts whose column partColumn holds its label
     * (column 0): a sum (Cohort.Actors.sums) wherever it has parts.
     */
    private static List<List<Cohort.Cell>> sums(Document doc, String totals, String parts, int partColumn) {
        List<List<Object>> rows = rows(doc, totals);
        List<List<Object>> partRows = rows(doc, parts);
        List<List<Cohort.Cell>> sums = new java.util.ArrayList<>();
        for (int t = 0; t < rows.size(); t++) {
            List<Cohort.Cell> sum = new java.util.ArrayList<>(List.of(new Cohort.Cell(totals, t)));
            for (int p = 0; p < partRows.size(); p++) {
                if (java.util.Objects.equals(partRows.get(p).get(partColumn), rows.get(t).get(0))) {
                    sum.add(new Cohort.Cell(parts, p));
                }
            }
            if (sum.size() > 1) {
                sums.add(sum);
            }
        }
        return sums;
    }

    private static List<List<Object>> rows(Document doc, String table) {
        return doc.sections().stream().filter(s -> s instanceof Section.Table t && t.key().equals(table))
                .map(s -> ((Section.Table) s).rows()).findFirst().orElse(List.of());
    }

    /**
     * `report funnel` without a name: each funnel's row by the fewest of the actors `funnel NAME` judges
     * its totals by (its attempts', its completed, failed and not completed ones', a part without an
     * attempt telling nothing), so the list shows nothing `funnel NAME` hides; a funnel without an
     * attempt in scope, all zeros, is shown.
     */
    public static Document funnels(Connection c, ReportFilter f, Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Rows.execute(c, "funnel_scope.sql");
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_funnel_list.sql", f));
        Map<String, ToLongFunction<List<Object>>> perRow = Map.of("funnels", row -> {
            String funnel = key(row.get(0));
            long all = parts.getOrDefault("all", Map.of()).getOrDefault(funnel, 0L);
            long completed = parts.getOrDefault("completed", Map.of()).getOrDefault(funnel, 0L);
            long failed = parts.getOrDefault("failed", Map.of()).getOrDefault(funnel, 0L);
            long notCompleted = parts.getOrDefault("not_completed", Map.of()).getOrDefault(funnel, 0L);
            return all == 0 ? Long.MAX_VALUE : Math.min(rate(all, completed, notCompleted), nonzero(failed));
        });
        return Cohort.apply(doc, k, new Cohort.Actors(0, perRow), json);
    }

    /**
     * `report errors`: the failed-run totals by the actors of the failed runs, each rate by the fewest
     * of those and of the runs on either side of it (recovered or not, CI or not), each fix path by
     * the actors of the runs it recovered; the error types count their own (the actors column).
     */
    public static Document errors(Connection c, ReportFilter f, String workflow, Document doc, int k, boolean json) {
        if (k <= 1) {
            return doc;
        }
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_errors.sql", f, workflow));
        long failed = single(parts, "#failed");
        Map<String, Map<String, Long>> perField = Map.of("totals", Map.of("failed_runs", failed,
                "recovered_runs", single(parts, "#recovered"),
                "recovery_rate", rate(failed, single(parts, "#recovered"), single(parts, "#not_recovered")),
                "ci_share", rate(failed, single(parts, "#ci"), single(parts, "#not_ci"))));
        Map<String, Long> fixPaths = parts.getOrDefault("fix_path", Map.of());
        Map<String, ToLongFunction<List<Object>>> perRow = Map.of("fix_paths",
                row -> fixPaths.getOrDefault(key(row.get(0)) + '\u001f' + key(row.get(3)), 0L));
        // an error type's recovered runs are the runs of its fix paths (all of them when it has at most 3)
        return Cohort.apply(doc, k, new Cohort.Actors(failed, perRow, perField, sums(doc, "errors", "fix_paths", 0)), json);
    }

    /**
     * The actors behind a share of a whole split in two: the share tells both parts, so the fewest of
     * the whole's and each part's; a part of no runs tells nothing (0% or 100% give the whole away only).
     */
    private static long rate(long whole, long part, long rest) {
        return Math.min(whole, Math.min(nonzero(part), nonzero(rest)));
    }

    /** A part's actors, or no limit when it has none (a zero tells nothing about anybody). */
    private static long nonzero(long actors) {
        return actors == 0 ? Long.MAX_VALUE : actors;
    }

    /**
     * The HTML report's variants of each workflow (DiscoveryLayouts.variants of Discovery.topVariants,
     * top rows each): a function from a workflow's document to it as K allows, from one query.
     */
    public static java.util.function.BiFunction<String, Document, Document> workflowVariants(Connection c, ReportFilter f,
            int top, int k) {
        if (k <= 1) {
            return (name, doc) -> doc;
        }
        Rows.execute(c, "variant_runs.sql");
        Map<String, Map<String, Long>> parts = parts(Rows.filtered(c, "cohort_variants.sql", f, null, false, top));
        Map<String, Long> variants = parts.getOrDefault("wvariant", Map.of());
        Map<String, Long> workflows = parts.getOrDefault("workflow", Map.of());
        Map<String, Long> others = parts.getOrDefault("wother", Map.of());
        return (name, doc) -> {
            long all = workflows.getOrDefault(key(name), 0L);
            Map<String, ToLongFunction<List<Object>>> perRow = Map.of("variants",
                    row -> variants.getOrDefault(key(name) + '\u001f' + key(row.get(1)), 0L));
            return Cohort.apply(doc, k, new Cohort.Actors(all, perRow,
                    variantFields(all, others.getOrDefault(key(name), 0L))), true);
        };
    }

    /**
     * The named values of a variants document: totals and coverage by the workflow's actors, the other
     * variants by theirs (none, no actor, says nothing about anybody: shown).
     */
    private static Map<String, Map<String, Long>> variantFields(long all, long otherActors) {
        long other = otherActors == 0 ? Long.MAX_VALUE : otherActors;
        return Map.of(
                "overview", Map.of("total_runs", all, "variant_count", all),
                "other", Map.of("variants", other, "runs", other, "share", other, "success_rate", other,
                        "median_duration_ms", other),
                "coverage", Map.of("coverage", all));
    }

    /** The rows of a cohort_*.sql query (part, row_key, actors) as actors by row key, by part. */
    private static Map<String, Map<String, Long>> parts(List<Rows.Row> rows) {
        Map<String, Map<String, Long>> parts = new HashMap<>();
        rows.forEach(r -> parts.computeIfAbsent(r.text("part"), p -> new HashMap<>())
                .put(String.valueOf(r.text("row_key")), r.count("actors")));
        return parts;
    }

    private static long single(Map<String, Map<String, Long>> parts, String part) {
        Map<String, Long> m = parts.getOrDefault(part, Map.of());
        return m.isEmpty() ? 0L : m.values().iterator().next();
    }

    /** The outcomes' field keys and their actors, from counts keyed by prefix and the outcome. */
    private static Map<String, Long> outcomes(Map<String, Long> counts, String prefix) {
        Map<String, Long> m = new HashMap<>();
        for (String o : List.of("SUCCESS", "FAILED", "ABANDONED", "IN_PROGRESS")) {
            m.put(o, counts.getOrDefault(prefix + o, 0L));
        }
        return m;
    }

    private static ToLongFunction<List<Object>> lookup(Map<String, Map<String, Long>> parts, String part, int column) {
        Map<String, Long> counts = parts.getOrDefault(part, Map.of());
        return row -> counts.getOrDefault(key(row.get(column)), 0L);
    }

    private static long scopeActors(Connection c, ReportFilter f) {
        return Rows.filtered(c, "cohort_scope.sql", f).get(0).count("actors");
    }

    private static Map<String, Long> byKey(List<Rows.Row> rows) {
        Map<String, Long> m = new HashMap<>();
        rows.forEach(r -> m.put(r.text("row_key"), r.count("actors")));
        return m;
    }

    /** A row's label as the cohort SQL writes it: 'v' and the value, or 'n' for null. */
    static String key(Object label) {
        return label == null ? "n" : "v" + label;
    }
}
