package dev.clianalytics.infer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/** The funnels as TEMP tables the funnel models join (values bound, never spliced in). */
final class FunnelSettings {
    static final List<String> TABLES = List.of("infer_funnels", "infer_funnel_steps");

    private FunnelSettings() {}

    static void write(Connection c, FunnelConfig config) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE infer_funnels (funnel VARCHAR NOT NULL, position INTEGER NOT NULL,"
                    + " window_ms BIGINT NOT NULL, breakdown VARCHAR, builtin BOOLEAN NOT NULL, step_count INTEGER NOT NULL,"
                    + " failure_events VARCHAR[] NOT NULL)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_funnel_steps (funnel VARCHAR NOT NULL, step INTEGER NOT NULL,"
                    + " step_name VARCHAR NOT NULL, event_name VARCHAR, command VARCHAR[], outcome VARCHAR)");
        }
        try (PreparedStatement f = c.prepareStatement("INSERT INTO infer_funnels VALUES (?, ?, ?, ?, ?, ?, ?::VARCHAR[])");
                PreparedStatement s = c.prepareStatement("INSERT INTO infer_funnel_steps VALUES (?, ?, ?, ?, ?::VARCHAR[], ?)")) {
            int position = 0;
            for (FunnelConfig.Funnel funnel : config.funnels()) {
                f.setString(1, funnel.name());
                f.setInt(2, ++position);
                f.setLong(3, funnel.window().toMillis());
                setText(f, 4, funnel.breakdown());
                f.setBoolean(5, funnel.builtin());
                f.setInt(6, funnel.steps().size());
                f.setObject(7, c.createArrayOf("VARCHAR", funnel.failureEvents().toArray()));
                f.executeUpdate();
                int step = 0;
                for (FunnelConfig.Step st : funnel.steps()) {
                    s.setString(1, funnel.name());
                    s.setInt(2, ++step);
                    s.setString(3, st.label());
                    setText(s, 4, st.event());
                    if (st.command() == null) {
                        s.setNull(5, Types.ARRAY);
                    } else {
                        s.setObject(5, c.createArrayOf("VARCHAR", st.command().toArray()));
                    }
                    setText(s, 6, st.outcome());
                    s.executeUpdate();
                }
            }
        }
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
