package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V005 stores event keys as UUIDs: keys written as hex by an earlier build keep their value. */
class UuidEventKeysMigrationTest {
    private static final String EVENTS = """
            {"timestamp":"2026-01-10T10:00:00Z","tool_name":"terraform","command_path":["terraform","init"],"actor_id":"a","machine_id":"m"}
            {"timestamp":"2026-01-10T10:01:00Z","tool_name":"terraform","command_path":["terraform","plan"],"actor_id":"a","machine_id":"m","event_id":"e-2"}
            """;

    @TempDir
    Path dir;

    @Test
    void hexKeysOfSchema4BecomeTheSameUuidsAndReingestingFindsThemAsDuplicates() throws Exception {
        Path input = Files.writeString(dir.resolve("events.jsonl"), EVENTS);
        Path fresh = dir.resolve("fresh.duckdb");
        assertThat(CliRun.withDb(fresh).run("ingest", input.toString()).exitCode()).isZero();
        List<String> keys = Db.rows(fresh, "SELECT event_key FROM events ORDER BY ingest_seq");
        assertThat(keys).hasSize(2).allMatch(k -> k.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));

        // the same events as a build before V005 stored them: the same MD5 values, as 32 hex characters
        Path old = dir.resolve("old.duckdb");
        try (Connection c = OldSchema.open(old, 4); Statement st = c.createStatement()) {
            st.execute("ATTACH '" + fresh + "' AS fresh (READ_ONLY)");
            // the columns of schema 1 (later schemas added the rest)
            st.execute("INSERT INTO ingest_runs SELECT run_id, started_at, finished_at, format, accepted, rejected,"
                    + " duplicates, unknown_fields, ignored FROM fresh.ingest_runs");
            st.execute("INSERT INTO events SELECT * EXCLUDE (error_source, http_status) REPLACE (replace(event_key::VARCHAR, '-', '') AS event_key)"
                    + " FROM fresh.events");
            assertThat(Db.rows(st, "SELECT typeof(event_key), length(event_key) FROM events"))
                    .containsExactly("VARCHAR | 32", "VARCHAR | 32");
        }

        CliRun.Result again = CliRun.withDb(old).run("ingest", input.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("0 events stored, 2 duplicates");
        assertThat(Db.rows(old, "SELECT event_key FROM events ORDER BY ingest_seq")).containsExactlyElementsOf(keys);
        assertThat(Db.rows(old, "SELECT DISTINCT typeof(event_key) FROM events")).containsExactly("UUID");
    }
}
