package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 10 fills the privacy ledger of runs made by earlier builds from their stored events; flag counts stay unknown. */
class PrivacyLedgerUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void earlierRunsGetTheCountsTheirStoredEventsShow() throws Exception {
        Path file = dir.resolve("old.duckdb");
        try (Connection c = OldSchema.open(file, 9); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ingest_runs (run_id, started_at, finished_at, format, accepted, rejected, duplicates,"
                    + " unknown_fields, ignored) VALUES (1, now(), now(), 'auto', 2, 0, 0, 4, 0)");
            st.execute("INSERT INTO events (event_key, run_id, ingest_seq, ts, tool_name, command_path, flags_present,"
                    + " error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, source_format) VALUES"
                    + " (uuid(), 1, 1, now(), 't', ['t', '[redacted]', '[redacted]'], [], 'open <path> at <ip>: <token> <token>',"
                    + " 'a', 'm', 'h', false, 'native'),"
                    + " (uuid(), 1, 2, now(), 't', ['t', 'x'], [], NULL, 'a', 'm', NULL, false, 'native')");
        }
        try (Database db = Database.open(file, DbSettings.defaults());
                Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT concat_ws(' ', ids_hashed, redacted_url, redacted_path, redacted_email,"
                        + " redacted_ip, redacted_token, words_redacted, coalesce(flag_values_dropped, -1),"
                        + " coalesce(secret_flags_dropped, -1)) FROM ingest_runs")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("5 0 1 0 1 2 2 -1 -1");
        }
    }
}
