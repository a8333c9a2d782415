package dev.clianalytics.report;

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

    record Column(String key, String label, Kind kind) {}

    /** inline: the fields are written at the top level of the JSON object, not under key. */
    record Fields(String key, String title, boolean inline, List<Field> fields) implements Section {}

    record Table(String key, String title, List<Column> columns, List<List<Object>> rows) implements Section {}
}
