package dev.clianalytics.report;

import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 (CRLF, quotes where needed): one table per section, separated by an empty line. The first
 * column, "section", names the section on every row, so one table can be picked with grep or a filter.
 * Values are exact; null is an empty field.
 */
final class CsvRenderer implements Renderer {
    @Override
    public void render(Document doc, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        boolean first = true;
        for (Section section : doc.sections()) {
            if (!first) {
                csv.println();
            }
            first = false;
            List<Object> header = new ArrayList<>();
            header.add("section");
            if (section instanceof Fields f) {
                List<Object> row = new ArrayList<>();
                row.add(f.key());
                for (Field field : f.fields()) {
                    header.add(field.key());
                    row.add(Values.exact(field.value()));
                }
                csv.printRecord(header);
                csv.printRecord(row);
            } else if (section instanceof Table t) {
                List<Section.Key> keys = t.keys();
                keys.forEach(k -> header.add(k.name()));
                csv.printRecord(header);
                for (List<Object> values : t.rows()) {
                    List<Object> row = new ArrayList<>();
                    row.add(t.key());
                    keys.forEach(k -> row.add(Values.exact(values.get(k.column()))));
                    csv.printRecord(row);
                }
            }
        }
        csv.flush();
    }
}
