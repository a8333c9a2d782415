package dev.clianalytics.ingest;

import dev.clianalytics.db.Database;
import dev.clianalytics.ingest.sanitize.WordGate;
import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rare-word rule applied once to the events an earlier build stored (schema 14; docs/ingest.md,
 * "Rare words held back", *Upgrade*): every stored command word after the tool name and every flag
 * name that the rule would hold back now (not known, fewer than k actors) is replaced by its token,
 * with the pairs an ingest would have kept. The caller then rewrites the file (the old values stay
 * in DuckDB's freed blocks otherwise) and marks the upgrade done in the copy.
 */
public final class WordTakeBack {
    private static final int CHUNK = 2000;

    /** Where the upgrade stands: words to look at, the file still to rewrite, or nothing left. */
    public enum State { PENDING, REWRITE, DONE }

    /** What the take-back changed: distinct words and flag names, and the stored events holding one. */
    public record Result(long wordsTakenBack, long eventsChanged) {}

    /** What the rule needs: the salt's key (tokens), k, and the words always stored in clear. */
    public record Rule(byte[] hmacKey, int k, Set<String> known) {}

    private WordTakeBack() {}

    public static State state(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT state FROM word_upgrade")) {
            return rs.next() ? State.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)) : State.DONE;
        }
    }

    /**
     * Takes the words back in one transaction. The derived tables (they hold the words too: run
     * names, steps, hot paths) are emptied when any word was taken back; the next infer refills them.
     * Leaves the state 'rewrite', or 'done' when nothing changed.
     */
    public static Result takeBack(Database db, Rule rule, List<String> derivedTables) throws SQLException {
        Connection c = db.connection();
        List<String[]> pairs = candidates(c, rule);
        c.setAutoCommit(false);
        try {
            long changed = 0;
            if (!pairs.isEmpty()) {
                db.execute("CREATE OR REPLACE TEMP TABLE ca_take_back (word VARCHAR PRIMARY KEY, token VARCHAR NOT NULL)");
                for (int i = 0; i < pairs.size(); i += CHUNK) {
                    StringBuilder values = new StringBuilder();
                    for (String[] p : pairs.subList(i, Math.min(pairs.size(), i + CHUNK))) {
                        values.append(values.isEmpty() ? "" : ",").append("('").append(p[0].replace("'", "''"))
                                .append("','").append(p[1]).append("')");
                    }
                    db.execute("INSERT INTO ca_take_back VALUES " + values);
                }
                try (Statement st = c.createStatement()) {
                    changed = st.executeUpdate(SqlResources.load("sql/upgrade/take_back_events.sql"));
                }
                for (String statement : SqlResources.statements(SqlResources.load("sql/upgrade/take_back_words.sql"))) {
                    db.execute(statement);
                }
                db.execute("DROP TABLE ca_take_back");
                for (String table : derivedTables) {
                    db.execute("DELETE FROM " + table);
                }
            }
            db.execute("UPDATE word_upgrade SET state = '" + (pairs.isEmpty() ? "done" : "rewrite") + "', words_taken_back = "
                    + pairs.size() + ", events_changed = " + changed + ", finished_at = now()");
            c.commit();
            return new Result(pairs.size(), changed);
        } catch (SQLException | RuntimeException e) {
            Database.rollbackQuietly(c, e);
            throw e;
        } finally {
            Database.restoreAutoCommit(c);
        }
    }

    /** The words the rule holds back now, each with its token (the same token an ingest gives it). */
    private static List<String[]> candidates(Connection c, Rule rule) throws SQLException {
        List<String[]> out = new ArrayList<>();
        if (rule.k() <= 1) {
            return out;
        }
        WordGate gate = new WordGate(rule.hmacKey(), rule.k(), Set.of(), Map.of());
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("sql/upgrade/take_back_candidates.sql"))) {
            ps.setLong(1, rule.k());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String word = rs.getString(1);
                    if (!rule.known().contains(word)) {
                        out.add(new String[] {word, gate.token(word)});
                    }
                }
            }
        }
        return out;
    }
}
