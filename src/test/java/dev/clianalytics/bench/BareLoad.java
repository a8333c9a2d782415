package dev.clianalytics.bench;

import dev.clianalytics.db.DbSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Yardstick B of bench/run: the bare DuckDB load of a native events file into a fresh database
 * file, through the same JDBC driver and settings as ingest, with explicit column types and no
 * validation, sanitization or de-duplication. Usage: BareLoad EVENTS.jsonl DB.duckdb
 */
public final class BareLoad {
    private BareLoad() {}

    public static void main(String[] args) throws Exception {
        DbSettings settings = DbSettings.defaults();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[1]);
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
            st.execute("SET threads = " + settings.threads());
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE events AS SELECT * FROM read_json(?,"
                    + " format = 'newline_delimited', columns = {timestamp: 'TIMESTAMPTZ', tool_name: 'VARCHAR',"
                    + " tool_version: 'VARCHAR', command_path: 'VARCHAR[]', flags_present: 'VARCHAR[]',"
                    + " exit_code: 'INTEGER', duration_ms: 'BIGINT', error_type: 'VARCHAR', actor_id: 'VARCHAR',"
                    + " machine_id: 'VARCHAR', session_hint: 'VARCHAR', ci_detected: 'BOOLEAN', event_id: 'VARCHAR',"
                    + " sequence: 'BIGINT'})")) {
                ps.setString(1, args[0]);
                ps.execute();
            }
        }
    }
}
