package dev.clianalytics.report;

import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object per report, keys in section order (stable), numbers exact, instants ISO-8601 UTC.
 * Written by hand: a report needs no more, and report start-up stays lean.
 */
final class JsonRenderer implements Renderer {
    @Override
    public void render(Document doc, Writer out) throws IOException {
        List<String> members = new ArrayList<>();
        for (Section section : doc.sections()) {
            if (section instanceof Fields f && f.inline()) {
                for (Field field : f.fields()) {
                    members.add(member(field.key(), value(field.value())));
                }
            } else if (section instanceof Fields f) {
                members.add(member(f.key(), object(f, "  ")));
            } else if (section instanceof Table t) {
                members.add(member(t.key(), array(t)));
            }
        }
        out.write("{\n  " + String.join(",\n  ", members) + "\n}\n");
    }

    private static String object(Fields f, String indent) {
        List<String> parts = new ArrayList<>();
        for (Field field : f.fields()) {
            parts.add(member(field.key(), value(field.value())));
        }
        return parts.isEmpty() ? "{}" : "{\n" + indent + "  " + String.join(",\n" + indent + "  ", parts) + "\n" + indent + "}";
    }

    private static String array(Table t) {
        if (t.rows().isEmpty()) {
            return "[]";
        }
        List<String> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<String> parts = new ArrayList<>();
            for (Section.Key key : t.keys()) {
                parts.add(member(key.name(), value(row.get(key.column()))));
            }
            rows.add("{" + String.join(", ", parts) + "}");
        }
        return "[\n    " + String.join(",\n    ", rows) + "\n  ]";
    }

    private static String member(String key, String value) {
        return quote(key) + ": " + value;
    }

    private static String value(Object v) {
        if (v == null || v instanceof Cohort.Suppressed) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
