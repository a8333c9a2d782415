package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * `--min-cohort K` (docs/report.md, "Small cohorts"): the measures of a row computed from fewer than K
 * distinct actors are replaced by {@link Suppressed}, with complement suppression, and the document
 * says how many cells that hid. Applied to a finished document, so the report SQL and the layouts stay
 * as they are and K=1 leaves the output byte-identical.
 */
public final class Cohort {
    private Cohort() {}

    /** A suppressed value: "<K" in table, markdown and csv, null in json. */
    public record Suppressed(int k) {
        @Override
        public String toString() {
            return "<" + k;
        }
    }

    /**
     * Distinct actors per row of a table (by the table's key, a function of the row) and per value of
     * a set of named values (by section key, then field key). Named values without a count take the
     * actors of the report's whole scope; a table without one uses its own distinct_actors or actors
     * column, else counts as no one's (every row hidden: a report that does not count its rows'
     * actors yet shows none of them, rather than guess). sums: rows of different tables of which one
     * adds the others up (a graph's node and the edges into it), complement-suppressed like a table.
     */
    public record Actors(long scope, Map<String, ToLongFunction<List<Object>>> perRow,
            Map<String, Map<String, Long>> perField, List<List<Cell>> sums) {
        public Actors(long scope, Map<String, ToLongFunction<List<Object>>> perRow) {
            this(scope, perRow, Map.of());
        }

        public Actors(long scope, Map<String, ToLongFunction<List<Object>>> perRow,
                Map<String, Map<String, Long>> perField) {
            this(scope, perRow, perField, List.of());
        }

        long of(Table t, List<Object> row, int k) {
            ToLongFunction<List<Object>> f = perRow.get(t.key());
            if (f != null) {
                return f.applyAsLong(row);
            }
            int own = ownColumn(t);
            if (own < 0) {
                return 0;
            }
            // a row of no one (an empty day of a trend) is shown: it says nothing about anybody
            long actors = row.get(own) == null ? 0 : ((Number) row.get(own)).longValue();
            return actors == 0 ? k : actors;
        }

        /** A table's own count of distinct actors per row (hot paths, errors, trends), or -1. */
        private static int ownColumn(Table t) {
            for (int i = 0; i < t.columns().size(); i++) {
                String key = t.columns().get(i).key();
                if (key.equals("distinct_actors") || key.equals("actors")) {
                    return i;
                }
            }
            return -1;
        }

        long of(Fields f, Field field) {
            return perField.getOrDefault(f.key(), Map.of()).getOrDefault(field.key(), scope);
        }
    }

    /** A row of a table (by the table's key and the row's index), as a member of one of Actors.sums. */
    public record Cell(String table, int row) {}

    /** Named values that add up to a total shown elsewhere (the runs by outcome): complement suppression applies. */
    private static final Set<String> PARTS_OF_TOTAL = Set.of("outcomes");

    private static final String LEDGER = "small_cohorts";

    /** Sections that describe the run, not the data: never suppressed. */
    private static final Set<String> SETTINGS = Set.of("infer", "filters", "options", "database", "contents",
            "last_infer", "reports", "result");

    /**
     * Text or flag columns that still tell a measure: a run's outcome, a version's success interval
     * ("55.2–95.3%") and whether it regressed.
     */
    private static final Set<String> MEASURES_AS_TEXT = Set.of("outcome", "ci", "regression");

    /**
     * Columns that label a row rather than measure it (a rank, a step position, a length, a funnel's
     * number of steps and window, which its settings define).
     */
    private static final Set<String> LABELS = Set.of("rank", "n", "stopped_after_step", "step", "window_ms", "steps");

    /** The document as K allows it to be shown; json adds the rows' "suppressed" flags. K=1 returns doc itself. */
    public static Document apply(Document doc, int k, Actors actors, boolean json) {
        if (k <= 1) {
            return doc;
        }
        int[] cells = {0};
        // inline sets of values share the document's top level in json: one "suppressed" key there
        boolean topFlagged = false;
        Map<String, Judged> tables = judge(doc, k, actors);
        List<Section> sections = new ArrayList<>();
        for (Section s : doc.sections()) {
            if (SETTINGS.contains(s.key())) {
                sections.add(s);
            } else if (s instanceof Fields f) {
                Fields judged = fields(f, k, actors, json && !(f.inline() && topFlagged), cells);
                topFlagged |= json && f.inline() && judged != f;
                sections.add(judged);
            } else if (s instanceof Table t) {
                sections.add(table(t, k, tables.get(t.key()).hidden(), json, cells));
            }
        }
        sections.add(new Fields(LEDGER, "Small cohorts", true, List.of(
                new Field("min_cohort", "rows from fewer actors than this are suppressed", Kind.COUNT, k),
                new Field("suppressed_cells", "cells suppressed", Kind.COUNT, cells[0]))));
        return new Document(doc.title(), sections);
    }

    /** Whether the document went through apply with K > 1 already (it ends with the small cohorts' ledger). */
    public static boolean applied(Document doc) {
        return doc.sections().stream().anyMatch(s -> s.key().equals(LEDGER));
    }

    private static Fields fields(Fields f, int k, Actors actors, boolean json, int[] cells) {
        int n = f.fields().size();
        long[] counts = new long[n];
        boolean[] hidden = new boolean[n];
        for (int i = 0; i < n; i++) {
            Field field = f.fields().get(i);
            counts[i] = actors.of(f, field);
            // a zero is no one's: shown (no runs in progress says nothing about anybody)
            hidden[i] = counts[i] < k && measure(field.key(), field.kind()) && field.value() != null && !zero(field);
        }
        if (PARTS_OF_TOTAL.contains(f.key())) {
            complement(hidden, counts, i -> f.fields().get(i).value() != null && !zero(f.fields().get(i)));
        }
        List<Field> out = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Field field = f.fields().get(i);
            any |= hidden[i];
            cells[0] += hidden[i] ? 1 : 0;
            out.add(hidden[i] ? new Field(field.key(), field.label(), field.kind(), new Suppressed(k)) : field);
        }
        if (!any) {
            return f;
        }
        if (json) {
            out.add(new Field("suppressed", "suppressed", Kind.FLAG, true));
        }
        return new Fields(f.key(), f.title(), f.inline(), out);
    }

    /**
     * One hidden part next to shown ones could be recovered from a total: hide the shown part with
     * the fewest actors too (the last of equals: lists put their smallest last). Whether it hid one.
     */
    private static boolean complement(boolean[] hidden, long[] counts, java.util.function.IntPredicate candidate) {
        int hiddenCount = 0;
        for (boolean h : hidden) {
            hiddenCount += h ? 1 : 0;
        }
        if (hiddenCount != 1) {
            return false;
        }
        int next = -1;
        for (int i = 0; i < hidden.length; i++) {
            if (!hidden[i] && candidate.test(i) && (next < 0 || counts[i] <= counts[next])) {
                next = i;
            }
        }
        if (next >= 0) {
            hidden[next] = true;
        }
        return next >= 0;
    }

    /** A table's rows' actors and which of them are hidden. */
    private record Judged(long[] counts, boolean[] hidden) {}

    /**
     * Which rows of each table are hidden: their own actors, then complement suppression per table and
     * per sum (Actors.sums) until no table and no sum has exactly one hidden part left to give back.
     */
    private static Map<String, Judged> judge(Document doc, int k, Actors actors) {
        Map<String, Judged> tables = new java.util.HashMap<>();
        for (Section s : doc.sections()) {
            if (s instanceof Table t && !SETTINGS.contains(t.key())) {
                int n = t.rows().size();
                Judged j = new Judged(new long[n], new boolean[n]);
                for (int i = 0; i < n; i++) {
                    j.counts()[i] = actors.of(t, t.rows().get(i), k);
                    j.hidden()[i] = j.counts()[i] < k;
                }
                tables.put(t.key(), j);
            }
        }
        // a row of nobody's (Long.MAX_VALUE actors: a funnel without an attempt) tells nothing: never the complement
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Judged j : tables.values()) {
                changed |= complement(j.hidden(), j.counts(), i -> j.counts()[i] < Long.MAX_VALUE);
            }
            for (List<Cell> sum : actors.sums()) {
                boolean[] hidden = new boolean[sum.size()];
                long[] counts = new long[sum.size()];
                for (int i = 0; i < sum.size(); i++) {
                    Judged j = tables.get(sum.get(i).table());
                    hidden[i] = j.hidden()[sum.get(i).row()];
                    counts[i] = j.counts()[sum.get(i).row()];
                }
                if (complement(hidden, counts, i -> counts[i] < Long.MAX_VALUE)) {
                    changed = true;
                    for (int i = 0; i < sum.size(); i++) {
                        tables.get(sum.get(i).table()).hidden()[sum.get(i).row()] |= hidden[i];
                    }
                }
            }
        }
        return tables;
    }

    private static Table table(Table t, int k, boolean[] hidden, boolean json, int[] cells) {
        int n = t.rows().size();
        List<Column> columns = new ArrayList<>(t.columns());
        if (json) {
            columns.add(new Column("suppressed", "suppressed", Kind.FLAG));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(t.rows().get(i));
            for (int c = 0; hidden[i] && c < t.columns().size(); c++) {
                Column col = t.columns().get(c);
                if (measure(col.key(), col.kind()) && row.get(c) != null) {
                    row.set(c, new Suppressed(k));
                    cells[0] += col.kind() == Kind.BAR ? 0 : 1; // a bar draws a value already counted
                }
            }
            if (json) {
                row.add(hidden[i]);
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new Table(t.key(), t.title(), columns, rows);
    }

    /** A count of zero: no one's, so shown. */
    private static boolean zero(Field field) {
        return field.kind() == Kind.COUNT && field.value() instanceof Number v && v.longValue() == 0;
    }

    private static boolean measure(String key, Kind kind) {
        return MEASURES_AS_TEXT.contains(key) || !LABELS.contains(key) && switch (kind) {
            case COUNT, PERCENT, DURATION_MS, BYTES, BAR, TIMESTAMP -> true;
            case TEXT, NAME, PATH, MESSAGE, FLAG -> false;
        };
    }
}
