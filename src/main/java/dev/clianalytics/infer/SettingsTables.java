package dev.clianalytics.infer;

import dev.clianalytics.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The settings of a run as TEMP tables that the SQL models join: values are bound, never spliced in. */
final class SettingsTables {
    static final List<String> TABLES = Stream.concat(Stream.of(
            "infer_settings", "infer_entry_commands", "infer_terminal_commands", "infer_workflow_names"),
            FunnelSettings.TABLES.stream()).toList();

    private SettingsTables() {}

    static void write(Connection c, InferSettings settings, Instant asOf) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE infer_settings (session_timeout_ms BIGINT NOT NULL, as_of TIMESTAMPTZ)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_entry_commands (command VARCHAR NOT NULL)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_terminal_commands (command VARCHAR NOT NULL)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_workflow_names "
                    + "(tool_name VARCHAR NOT NULL, terminal VARCHAR NOT NULL, workflow_name VARCHAR NOT NULL)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO infer_settings VALUES (?, ?)")) {
            ps.setLong(1, settings.sessionTimeout().toMillis());
            InferRunLog.setInstant(ps, 2, asOf);
            ps.executeUpdate();
        }
        FunnelSettings.write(c, settings.funnels());
        insertCommands(c, "infer_entry_commands", settings.workflows().entryCommands());
        insertCommands(c, "infer_terminal_commands", settings.workflows().terminalCommands());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO infer_workflow_names VALUES (?, ?, ?)")) {
            for (WorkflowConfig.WorkflowName w : settings.workflows().workflowNames()) {
                ps.setString(1, w.tool());
                ps.setString(2, w.terminal());
                ps.setString(3, w.name());
                ps.executeUpdate();
            }
        }
    }

    private static void insertCommands(Connection c, String table, List<String> commands) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (String command : commands) {
                ps.setString(1, command);
                ps.executeUpdate();
            }
        }
    }

    /** Drops the settings tables and every TEMP table or view of the plan that is left. */
    static void dropTemporaries(Database db) {
        for (InferPlan.Step step : InferPlan.STEPS) {
            if (step.view()) {
                dropQuietly(db, "DROP VIEW IF EXISTS temp." + step.model());
            } else if (step.temporaryTable()) {
                dropQuietly(db, "DROP TABLE IF EXISTS temp." + step.model());
            }
        }
        for (String table : TABLES) {
            dropQuietly(db, "DROP TABLE IF EXISTS temp." + table);
        }
    }

    private static void dropQuietly(Database db, String sql) {
        try {
            db.execute(sql);
        } catch (SQLException e) {
            // temporary tables and views vanish with the connection anyway
        }
    }
}
