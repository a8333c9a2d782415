package dev.clianalytics.ingest;

import dev.clianalytics.db.Database;
import dev.clianalytics.ingest.sanitize.WordGate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rare-word rule's state in the database (held_words, clear_words; V013) and the reveal
 * (docs/ingest.md, "Rare words held back"). Tokens are ~ and 12 hex digits, actor hashes hex and
 * words command words or flag names ([A-Za-z0-9_-] only, checked by the privacy rules): all are
 * written into the statements as literals, which keeps the statements short and needs no quoting.
 */
final class HeldWords {
    private static final int CHUNK = 2000;

    private HeldWords() {}

    /** The run's gate: known words from the request and from earlier reveals, and the pairs held before. */
    static WordGate gate(Database db, byte[] hmacKey, IngestRequest request) throws SQLException {
        if (request.revealAt() <= 1) {
            return WordGate.OFF;
        }
        Set<String> known = new HashSet<>(request.knownWords());
        Map<String, Set<String>> stored = new HashMap<>();
        try (Statement st = db.connection().createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT word FROM clear_words")) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT token, actor_hash FROM held_words")) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return new WordGate(hmacKey, request.revealAt(), known, stored);
    }

    /**
     * Before ca_stage is loaded: the tokens the native lines reveal, set as the variable ca_reveal
     * for StageRows.select (a rewrite while loading costs less than an UPDATE after). Returns them.
     */
    static Map<String, String> revealWhileLoading(Database db, WordGate gate) throws SQLException {
        Map<String, String> revealed = gate.outcome().revealed();
        if (!revealed.isEmpty()) {
            setRevealMap(db, revealed);
        }
        return revealed;
    }

    /**
     * Tokens the run reveals become their words in the staged events (TEMP tables, before any
     * write): in the foreign events, and in ca_stage for those that foreign lines brought to k.
     */
    static void revealStaged(Database db, WordGate.Outcome outcome, Map<String, String> loaded) throws SQLException {
        if (outcome.revealed().isEmpty()) {
            return;
        }
        setRevealMap(db, outcome.revealed());
        List<String> tables = new ArrayList<>(List.of("ca_foreign_events"));
        if (!loaded.keySet().containsAll(outcome.revealed().keySet())) {
            tables.add("ca_stage");
        }
        for (String table : tables) {
            if (exists(db, table)) {
                db.execute("UPDATE " + table + " SET command_path = " + reveal("command_path") + ", flags_present = "
                        + reveal("flags_present") + " WHERE " + holdsToken("command_path") + " OR " + holdsToken("flags_present"));
            }
        }
    }

    /** {@code list}, the list of the staged text {@code column}, with each revealed token replaced when the text holds one. */
    static String revealIn(String column, String list) {
        return "CASE WHEN contains(" + column + ", '~') THEN list_transform(" + list + ", w -> coalesce(getvariable('ca_reveal')[w], w))"
                + " ELSE " + list + " END";
    }

    /**
     * Inside the run's transaction: stored events of earlier runs get the words revealed, the pairs
     * of revealed words go, the pairs of words still held back are added, the ledger counts both.
     */
    static void record(Database db, int runId, WordGate gate, WordGate.Outcome outcome) throws SQLException {
        if (gate.off()) {
            db.execute("UPDATE ingest_runs SET words_held_back = 0, words_revealed = 0 WHERE run_id = " + runId);
            return;
        }
        Map<String, String> revealed = outcome.revealed();
        if (!revealed.isEmpty()) {
            setRevealMap(db, revealed);
            db.execute("UPDATE events SET command_path = " + reveal("command_path") + ", flags_present = "
                    + reveal("flags_present") + " WHERE run_id < " + runId + " AND (" + holdsToken("command_path") + " OR "
                    + holdsToken("flags_present") + ")");
            for (List<String> chunk : chunks(new ArrayList<>(revealed.keySet()))) {
                db.execute("DELETE FROM held_words WHERE token IN (" + chunk.stream().map(t -> "'" + t + "'")
                        .collect(Collectors.joining(",")) + ")");
            }
            for (List<String> chunk : chunks(new ArrayList<>(revealed.values()))) {
                db.execute("INSERT INTO clear_words SELECT * FROM (VALUES " + chunk.stream().map(w -> "('" + w + "')")
                        .collect(Collectors.joining(",")) + ") ON CONFLICT DO NOTHING");
            }
            db.execute("RESET VARIABLE ca_reveal");
        }
        if (outcome.held() > 0) {
            // the run's stored events hold exactly the tokens still held back (the revealed ones were
            // put back before the insert; a word never starts with '~'), with their actors: the pairs
            // come from them in one statement (a million literal pairs took a minute to parse)
            db.execute("INSERT INTO held_words SELECT DISTINCT w, actor_hash FROM (SELECT unnest(list_concat("
                    + "command_path[2:], flags_present)) AS w, actor_hash FROM events WHERE run_id = " + runId
                    + ") WHERE starts_with(w, '~') ON CONFLICT DO NOTHING");
        }
        db.execute("UPDATE ingest_runs SET words_held_back = " + outcome.held() + ", words_revealed = "
                + revealed.size() + " WHERE run_id = " + runId);
    }

    private static void setRevealMap(Database db, Map<String, String> revealed) throws SQLException {
        StringBuilder keys = new StringBuilder();
        StringBuilder values = new StringBuilder();
        revealed.forEach((t, w) -> {
            keys.append(keys.isEmpty() ? "" : ",").append('\'').append(t).append('\'');
            values.append(values.isEmpty() ? "" : ",").append('\'').append(w).append('\'');
        });
        db.execute("SET VARIABLE ca_reveal = MAP([" + keys + "]::VARCHAR[], [" + values + "]::VARCHAR[])");
    }

    /** The list with each revealed token replaced by its word. */
    private static String reveal(String column) {
        return "list_transform(" + column + ", w -> CASE WHEN starts_with(w, '~') THEN coalesce(getvariable('ca_reveal')[w], w)"
                + " ELSE w END)";
    }

    private static String holdsToken(String column) {
        return "list_any_value(list_filter(" + column + ", w -> starts_with(w, '~'))) IS NOT NULL";
    }

    private static boolean exists(Database db, String table) throws SQLException {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = '"
                        + table + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            out.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return out;
    }
}
