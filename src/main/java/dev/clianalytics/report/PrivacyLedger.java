package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * `report privacy`: what the privacy rules of SPEC §4.1 did, per ingest run and in total, from the
 * counters ingest stores (schemas 10 and 13) and the upgrade to schema 14 stores. Counts only: the
 * ledger never holds a value.
 */
public final class PrivacyLedger {
    /** The counters in output order: JSON/CSV key, short label for tables. */
    private static final String[][] COUNTERS = {
        {"ids_hashed", "ids hashed"},
        {"flag_values_dropped", "flag values"},
        {"secret_flags_dropped", "secret flags"},
        {"malformed_flags_dropped", "malformed flags"},
        {"redacted_url", "<url>"},
        {"redacted_path", "<path>"},
        {"redacted_email", "<email>"},
        {"redacted_ip", "<ip>"},
        {"redacted_token", "<token>"},
        {"words_redacted", "[redacted] words"},
        {"words_held_back", "words held back"},
        {"words_revealed", "words revealed"},
        {"properties_dropped", "properties"},
    };

    private PrivacyLedger() {}

    public static Document read(Connection c) {
        List<Rows.Row> runs = Rows.query(c, "privacy_ledger.sql", List.of());
        List<Field> totals = new ArrayList<>();
        for (String[] counter : COUNTERS) {
            // a total of the runs that counted; null when none did
            Long total = null;
            for (Rows.Row r : runs) {
                Long v = r.longOrNull(counter[0]);
                if (v != null) {
                    total = (total == null ? 0 : total) + v;
                }
            }
            totals.add(new Field(counter[0], counter[1], Kind.COUNT, total));
        }
        // not a run's: the upgrade of a database whose earlier builds stored every word in clear
        totals.add(new Field("words_taken_back", "words taken back at upgrade", Kind.COUNT,
                Rows.query(c, "privacy_upgrade.sql", List.of()).get(0).longOrNull("words_taken_back")));
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("run_id", "#", Kind.TEXT));
        columns.add(new Column("started_at", "started (UTC)", Kind.TIMESTAMP));
        for (String[] counter : COUNTERS) {
            columns.add(new Column(counter[0], counter[1], Kind.COUNT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Rows.Row r : runs) {
            List<Object> row = new ArrayList<>();
            row.add(r.count("run_id"));
            row.add(r.instant("started_at"));
            for (String[] counter : COUNTERS) {
                row.add(r.longOrNull(counter[0]));
            }
            rows.add(row);
        }
        return new Document("Privacy ledger", List.of(
                new Fields("totals", "What the privacy rules did, all ingest runs", false, totals),
                new Table("ingest_runs", "Per ingest run", columns, rows)));
    }
}
