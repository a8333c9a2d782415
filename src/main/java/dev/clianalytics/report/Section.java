package dev.clianalytics.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a report. {@link Fields} is a set of named values (one JSON object, one CSV row);
 * {@link Table} a list of rows (one JSON array, one CSV table). Every format renders the same sections.
 */
public sealed interface Section permits Section.Fields, Section.Table {
    /** The JSON key and CSV section name. */
    String key();

    /** The heading shown by table and markdown. */
    String title();

    record Field(String key, String label, Kind kind, Object value) {}

    /**
     * aliases: earlier JSON/CSV keys of the same value, kept for scripts that read them; json and csv
     * write them after every column's key, table and markdown (for people) leave them out.
     */
    record Column(String key, String label, Kind kind, List<String> aliases) {
        Column(String key, String label, Kind kind) {
            this(key, label, kind, List.of());
        }
    }

    /** A JSON/CSV key of a table's rows and the column whose value it carries. */
    record Key(String name, int column) {}

    /** inline: the fields are written at the top level of the JSON object, not under key. */
    record Fields(String key, String title, boolean inline, List<Field> fields) implements Section {}

    record Table(String key, String title, List<Column> columns, List<List<Object>> rows) implements Section {
        /** The keys json and csv write for each row: the columns' keys in order (not bars), then their aliases. */
        List<Key> keys() {
            List<Key> keys = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).kind() != Kind.BAR) {
                    keys.add(new Key(columns.get(i).key(), i));
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                for (String alias : columns.get(i).aliases()) {
                    keys.add(new Key(alias, i));
                }
            }
            return keys;
        }
    }
}
