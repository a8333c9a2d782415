package dev.clianalytics.infer;

import dev.clianalytics.db.Database;
import java.sql.SQLException;
import java.util.List;

/** Connection settings infer changes for its own statements, and puts back when it ends. */
final class InferTuning {
    private static final List<String> SETTINGS = List.of("preserve_insertion_order", "disabled_compression_methods");

    private InferTuning() {}

    static void apply(Database db) throws SQLException {
        // derived rows have no physical order (readers ORDER BY ids); not keeping one saves memory
        db.execute("SET preserve_insertion_order = false");
        // FSST analysis of every string column costs a third of writing the tables, and the
        // derived strings (names, n-grams, fingerprints, hashes) repeat: dictionary compression
        // alone stores them as small (bench/RESULTS.md, third wave)
        db.execute("SET disabled_compression_methods = 'fsst,dict_fsst'");
    }

    /** Resets each setting on its own, so one that fails leaves the others reset. */
    static void reset(Database db) {
        for (String setting : SETTINGS) {
            try {
                db.execute("RESET " + setting);
            } catch (SQLException e) {
                // only a tuning setting of this connection
            }
        }
    }
}
