package dev.clianalytics.bench;

import dev.clianalytics.db.DbSettings;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Yardstick B of bench/run: the bare DuckDB load of a native events file into a fresh database
 * file, through the same JDBC driver and settings as ingest, with explicit column types and no
 * validation, sanitization or de-duplication. Usage: BareLoad EVENTS.jsonl DB.duckdb [--sanitized]
 *
 * <p>With {@code --sanitized} it is the reference design of PERFORMANCE.md instead: the same load
 * with every SPEC §4.1 rule and the event key written inline in the SELECT, as SQL macros that
 * mirror ingest's Java rules (bench/privacy-macros.sql) and the salt in CLI_ANALYTICS_SALT, still without line numbers,
 * validation, rejects, the unknown-field census or de-duplication. It shows what the privacy rules
 * alone cost against B, apart from everything else ingest does.
 */
public final class BareLoad {
    private static final String COLUMNS = "columns = {timestamp: 'TIMESTAMPTZ', tool_name: 'VARCHAR',"
            + " tool_version: 'VARCHAR', command_path: 'VARCHAR[]', flags_present: 'VARCHAR[]',"
            + " exit_code: 'INTEGER', duration_ms: 'BIGINT', error_type: 'VARCHAR', actor_id: 'VARCHAR',"
            + " machine_id: 'VARCHAR', session_hint: 'VARCHAR', ci_detected: 'BOOLEAN', event_id: 'VARCHAR',"
            + " sequence: 'BIGINT', error_source: 'VARCHAR', http_status: 'SMALLINT'}";

    /**
     * The events columns, sanitized as SPEC §4.1 says, keyed as §4.2 says, with ingest's shortcuts
     * (clean command paths kept as read, flag names filtered once).
     */
    private static final String SANITIZED = "ca_event_key(event_id, concat_ws(chr(31), epoch_us(timestamp),"
            + " tool_name, tool_version, command_path::VARCHAR, flags_present::VARCHAR, exit_code, duration_ms,"
            + " error_type, actor_id, machine_id, session_hint, ci_detected, sequence)) AS event_key,"
            + " timestamp AS ts, ca_tool_name(tool_name) AS tool_name, ca_tool_version(tool_version) AS tool_version,"
            + " CASE WHEN regexp_full_match(command_path::VARCHAR, '\\[[a-z][a-z0-9_-]{0,14}(?:, [a-z][a-z0-9_-]{0,14}){0,15}\\]')"
            + " THEN command_path ELSE ca_command_path(command_path) END AS command_path,"
            + " coalesce(ca_flags(flag_names), []) AS flags_present, exit_code, duration_ms,"
            + " ca_error_type(error_type) AS error_type, ca_id_hash(actor_id) AS actor_hash,"
            + " ca_id_hash(machine_id) AS machine_hash, ca_id_hash(session_hint) AS session_hint_hash,"
            + " coalesce(ci_detected, false) AS ci_detected, sequence,"
            + " CASE WHEN regexp_full_match(error_source, '[A-Za-z][A-Za-z0-9_-]{0,31}') AND NOT ca_looks_secret(error_source)"
            + " THEN lower(error_source) END AS error_source,"
            + " CASE WHEN http_status BETWEEN 100 AND 599 THEN http_status END AS http_status";

    private BareLoad() {}

    /**
     * The privacy rules as SQL macros (bench/privacy-macros.sql, a test resource mirroring
     * PrivacyRules): session variables for the HMAC pads and the event-key secret, then the macros.
     */
    private static void definePrivacyRules(Statement st, Salt salt) throws SQLException {
        st.execute("SET VARIABLE ca_hmac_ipad = unhex('" + salt.innerPadHex() + "')");
        st.execute("SET VARIABLE ca_hmac_opad = unhex('" + salt.outerPadHex() + "')");
        st.execute("SET VARIABLE ca_key_hex = '" + salt.eventKeySecretHex() + "'");
        for (String statement : SqlResources.statements(SqlResources.load("bench/privacy-macros.sql"))) {
            st.execute(statement);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean sanitized = args.length > 2 && args[2].equals("--sanitized");
        DbSettings settings = DbSettings.defaults();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[1]);
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
            st.execute("SET threads = " + settings.threads());
            if (sanitized) {
                definePrivacyRules(st, Salt.of(System.getenv().getOrDefault("CLI_ANALYTICS_SALT", "bench-salt")));
            }
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE events AS SELECT "
                    + (sanitized ? SANITIZED + " FROM (SELECT *, ca_flag_names(flags_present) AS flag_names FROM" : "* FROM")
                    + " read_json(?, format = 'newline_delimited', " + COLUMNS + ")" + (sanitized ? ")" : ""))) {
                ps.setString(1, args[0]);
                ps.execute();
            }
        }
    }
}
