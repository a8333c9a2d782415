package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V011 adds error_source and http_status; events stored by earlier builds keep them unknown (NULL). */
class ErrorSourceMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseOfSchema10UpgradesInPlaceWithNulls() throws Exception {
        Path file = dir.resolve("old.duckdb");
        try (Connection c = OldSchema.open(file, 10); Statement st = c.createStatement()) {
            st.execute("INSERT INTO events VALUES ('e2d6a6b3-86a7-5663-6be7-5ee1b9802e16', 1, 1, '2026-01-10 10:00:00+00', 't',"
                    + " NULL, ['t', 'x'], [], 1, 5, 'Err', 'a', 'm', NULL, false, NULL, 'native')");
        }
        try (Database db = Database.open(file, DbSettings.defaults());
                Statement st = db.connection().createStatement()) {
            assertThat(Db.rows(st, "SELECT max(version) FROM schema_version")).containsExactly(String.valueOf(Migrations.latestVersion()));
            assertThat(Db.rows(st, "SELECT event_key, command_path, error_type, error_source, http_status FROM events"))
                    .containsExactly("e2d6a6b3-86a7-5663-6be7-5ee1b9802e16 | [t, x] | Err | null | null");
            assertThat(Db.rows(st, "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                    + " WHERE table_name = 'events' AND column_name IN ('error_source', 'http_status') ORDER BY column_name"))
                    .containsExactly("error_source VARCHAR", "http_status SMALLINT");
        }
    }
}
