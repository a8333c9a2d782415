package dev.clianalytics.support;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a database the way a user's SQL client would, for expectations on stored rows. */
public final class Db {
    private Db() {}

    /** Every row of a query, each row rendered as its columns' strings joined by " | ". */
    public static List<String> rows(Path db, String sql) {
        try (Database d = Database.openReadOnly(db, DbSettings.defaults());
                Statement st = d.connection().createStatement()) {
            return rows(st, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The same on a statement of a connection the caller holds (e.g. a database of an older schema). */
    public static List<String> rows(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    /** The rows of a result (e.g. of a prepared statement with parameters), rendered as above. */
    public static List<String> rows(ResultSet rs) throws java.sql.SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                b.append(i > 1 ? " | " : "").append(rs.getString(i));
            }
            rows.add(b.toString());
        }
        return rows;
    }

    public static String one(Path db, String sql) {
        List<String> rows = rows(db, sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows + " for " + sql);
        }
        return rows.get(0);
    }

    /** A snapshot of everything ingest writes, to compare a database before and after a run. */
    public static List<String> snapshot(Path db) {
        List<String> all = new ArrayList<>();
        for (String table : List.of("ingest_runs", "ingest_files", "events", "flow_events", "actor_links", "sign_ins")) {
            all.add("-- " + table);
            all.addAll(rows(db, "SELECT * FROM " + table + " ORDER BY ALL"));
        }
        return all;
    }
}
