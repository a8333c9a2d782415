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
 * Aligned text for people, within a target width (80 by default): numbers right-aligned, long
 * fingerprints shortened from the front with … so their distinctive tail stays (json has them whole).
 */
final class TableRenderer implements Renderer {
    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    private static final int MIN_PATH = 16;
    private static final int MIN_MESSAGE = 10;

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
        int n = t.columns().size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = t.columns().get(i).label().length();
        }
        for (List<Object> row : t.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                line[i] = Values.human(t.columns().get(i).kind(), row.get(i));
                widths[i] = Math.max(widths[i], line[i].length());
            }
            cells.add(line);
        }
        fit(t.columns(), widths);
        appendRow(b, t.columns(), widths, i -> t.columns().get(i).label());
        appendRow(b, t.columns(), widths, i -> "-".repeat(widths[i]));
        for (String[] line : cells) {
            appendRow(b, t.columns(), widths, i -> line[i]);
        }
    }

    /**
     * Narrows shortenable columns one character at a time, always the widest (a message counting
     * 1.5 times its width, so paths keep more room), until the table fits or none can shrink.
     */
    private void fit(List<Column> columns, int[] widths) {
        int total = INDENT.length() + GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > width) {
            int pick = -1;
            double pickWeight = 0;
            for (int i = 0; i < widths.length; i++) {
                Kind kind = columns.get(i).kind();
                int min = Math.max(kind == Kind.PATH ? MIN_PATH : MIN_MESSAGE, columns.get(i).label().length());
                if ((kind == Kind.PATH || kind == Kind.MESSAGE) && widths[i] > min) {
                    double weight = kind == Kind.MESSAGE ? widths[i] * 1.5 : widths[i];
                    if (pick < 0 || weight > pickWeight) {
                        pick = i;
                        pickWeight = weight;
                    }
                }
            }
            if (pick < 0) {
                return;
            }
            widths[pick]--;
            total--;
        }
    }

    private static void appendRow(StringBuilder b, List<Column> columns, int[] widths, java.util.function.IntFunction<String> cell) {
        StringBuilder line = new StringBuilder(INDENT);
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            Kind kind = columns.get(i).kind();
            String text = kind == Kind.MESSAGE ? cut(cell.apply(i), widths[i]) : shorten(cell.apply(i), widths[i]);
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
