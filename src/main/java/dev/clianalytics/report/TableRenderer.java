package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text for people, within a target width (the terminal's, else 80): numbers right-aligned,
 * and the room left by them given to the columns that carry meaning (TableLayout): names and
 * messages cut at the end with …, fingerprints shortened from the front so their failing end
 * stays (json has them whole); a message that cannot have its room goes on a line under its row.
 */
final class TableRenderer implements Renderer {
    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    /** Where a row's message line starts, under the row it belongs to. */
    private static final String MORE_INDENT = "    ";
    private static final int MIN_PATH = 16;

    private final int width;

    TableRenderer(int width) {
        this.width = width;
    }

    @Override
    public void render(Document doc, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(doc.title()).append('\n').append("=".repeat(doc.title().length())).append('\n');
        for (Section section : doc.sections()) {
            b.append('\n').append(section.title()).append('\n');
            if (section instanceof Fields f) {
                fields(f, b);
            } else if (section instanceof Table t) {
                table(t, b);
            }
        }
        out.write(b.toString());
    }

    private void fields(Fields f, StringBuilder b) {
        int labelWidth = 0;
        int valueWidth = 0;
        List<String> values = new ArrayList<>();
        for (Field field : f.fields()) {
            String v = Values.human(field.kind(), field.value());
            values.add(v);
            labelWidth = Math.max(labelWidth, field.label().length());
            valueWidth = Math.max(valueWidth, v.length());
        }
        int room = Math.max(MIN_PATH, width - INDENT.length() - labelWidth - GAP.length());
        for (int i = 0; i < f.fields().size(); i++) {
            String v = shorten(values.get(i), room);
            String line = INDENT + pad(f.fields().get(i).label(), labelWidth, false) + GAP + pad(v, Math.min(valueWidth, room), true);
            b.append(line.stripTrailing()).append('\n');
        }
    }

    private void table(Table t, StringBuilder b) {
        if (t.rows().isEmpty()) {
            b.append(INDENT).append("(none)\n");
            return;
        }
        List<Column> columns = t.columns();
        int n = columns.size();
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                line[i] = Values.human(columns.get(i).kind(), row.get(i));
            }
            cells.add(line);
        }
        TableLayout layout = TableLayout.of(columns, cells, width, INDENT.length(), GAP.length());
        if (layout.twoLineHeader()) {
            appendRow(b, layout, i -> layout.headerTop()[i]);
        }
        appendRow(b, layout, i -> layout.header()[i]);
        appendRow(b, layout, i -> "-".repeat(layout.widths()[i]));
        int below = layout.below();
        for (String[] line : cells) {
            appendRow(b, layout, i -> line[i]);
            if (below >= 0) {
                String text = INDENT + MORE_INDENT + columns.get(below).label() + ": " + line[below];
                b.append(cut(text, width).stripTrailing()).append('\n');
            }
        }
    }

    private static void appendRow(StringBuilder b, TableLayout layout, java.util.function.IntFunction<String> cell) {
        StringBuilder line = new StringBuilder(INDENT);
        int[] widths = layout.widths();
        boolean first = true;
        for (int i = 0; i < widths.length; i++) {
            if (i == layout.below()) {
                continue;
            }
            if (!first) {
                line.append(GAP);
            }
            first = false;
            Kind kind = layout.columns().get(i).kind();
            String text = cell.apply(i);
            text = kind == Kind.PATH ? shorten(text, widths[i])
                    : kind == Kind.NAME || kind == Kind.MESSAGE ? cut(text, widths[i]) : text;
            line.append(pad(text, widths[i], Values.rightAligned(kind)));
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    /** Keeps the tail: for a fingerprint the last steps say most. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - (max - 1));
    }

    /** Keeps the head: an error message reads from its start. */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String pad(String s, int w, boolean right) {
        if (s.length() >= w) {
            return s;
        }
        String fill = " ".repeat(w - s.length());
        return right ? fill + s : s + fill;
    }
}
