package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** GitHub-flavoured markdown: a heading per section, pipe tables, numbers for people, paths as code. */
final class MarkdownRenderer implements Renderer {
    @Override
    public void render(Document doc, Writer out) throws IOException {
        StringBuilder b = new StringBuilder("## ").append(doc.title()).append('\n');
        for (Section section : doc.sections()) {
            b.append("\n### ").append(section.title()).append("\n\n");
            if (section instanceof Fields f) {
                b.append("| | |\n|---|---:|\n");
                for (Field field : f.fields()) {
                    b.append("| ").append(escape(field.label())).append(" | ").append(cell(field.kind(), field.value()))
                            .append(" |\n");
                }
            } else if (section instanceof Table t) {
                table(t, b);
            }
        }
        out.write(b.toString());
    }

    private static void table(Table t, StringBuilder b) {
        if (t.rows().isEmpty()) {
            b.append("_none_\n");
            return;
        }
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column c : t.columns()) {
            header.append(' ').append(escape(c.label())).append(" |");
            rule.append(Values.rightAligned(c.kind()) ? "---:|" : "---|");
        }
        b.append(header).append('\n').append(rule).append('\n');
        for (List<Object> row : t.rows()) {
            b.append('|');
            for (int i = 0; i < t.columns().size(); i++) {
                b.append(' ').append(cell(t.columns().get(i).kind(), row.get(i))).append(" |");
            }
            b.append('\n');
        }
    }

    private static String cell(Kind kind, Object value) {
        String text = Values.human(kind, value);
        if ((kind == Kind.PATH || kind == Kind.NAME) && value != null) {
            return "`" + text.replace("`", "'").replace("|", "\\|") + "`";
        }
        return escape(text);
    }

    /** Pipes would end the cell; other markdown in labels and values is kept literal with backslashes. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;").replace("`", "\\`");
    }
}
