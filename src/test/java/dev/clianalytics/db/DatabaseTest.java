package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.CliAnalyticsException.DatabaseUnavailable;
import dev.clianalytics.support.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFileAndAppliesEveryMigrationOnce() throws Exception {
        Path file = dir.resolve("a.duckdb");
        try (Database db = Database.open(file, DbSettings.defaults())) {
            assertThat(versions(db)).isEqualTo(Migrations.scripts().size());
        }
        try (Database db = Database.open(file, DbSettings.defaults())) {
            assertThat(versions(db)).isEqualTo(Migrations.scripts().size());
            assertThat(maxVersion(db)).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void anEmptySpillDirectoryLeftByAKilledRunIsRemovedByTheNextWriterButNotByReaders() throws Exception {
        Path file = dir.resolve("a.duckdb");
        Path spill = dir.resolve("a.duckdb.tmp");
        Database.open(file, DbSettings.defaults()).close();
        Files.createDirectory(spill); // as a killed run leaves it when nothing had spilled yet
        Database.openReadOnly(file, DbSettings.defaults()).close();
        assertThat(spill).isDirectory();
        Database.open(file, DbSettings.defaults()).close();
        assertThat(spill).doesNotExist();

        Files.createDirectory(spill);
        Files.writeString(spill.resolve("notes.txt"), "not DuckDB's");
        Database.open(file, DbSettings.defaults()).close();
        assertThat(spill.resolve("notes.txt")).hasContent("not DuckDB's");
    }

    @Test
    void theSpillFilesOfAKilledWriterAreRemovedByTheNextWriterButNotByReaders() throws Exception {
        Path file = dir.resolve("b.duckdb");
        Path spill = dir.resolve("b.duckdb.tmp");
        Database.open(file, DbSettings.defaults()).close();
        Files.createDirectory(spill); // as a SIGKILL of a spilling infer leaves it (DuckDB removes none of it)
        Files.write(spill.resolve("duckdb_temp_storage_DEFAULT-0.tmp"), new byte[4096]);
        Files.write(spill.resolve("duckdb_temp_storage_S32K-0.tmp"), new byte[4096]);
        Database.openReadOnly(file, DbSettings.defaults()).close();
        assertThat(spill.resolve("duckdb_temp_storage_DEFAULT-0.tmp")).exists();
        Database.open(file, DbSettings.defaults()).close();
        assertThat(spill).doesNotExist();
    }

    @Test
    void theSessionSettingsApplyToWritersAndReaders() throws Exception {
        Path file = dir.resolve("settings.duckdb");
        DbSettings settings = new DbSettings("300MB", 1);
        try (Database db = Database.open(file, settings)) {
            assertThat(settingsOf(db)).isEqualTo("UTC 286.1 MiB 1");
        }
        try (Database db = Database.openReadOnly(file, settings)) {
            assertThat(settingsOf(db)).isEqualTo("UTC 286.1 MiB 1");
        }
    }

    @Test
    void aTemporaryDirectoryMovesTheSpillFilesIntoADirectoryOfTheDatabasesOwn() throws Exception {
        Path scratch = dir.resolve("scratch");
        DbSettings settings = DbSettings.fromEnv(Map.of("CLI_ANALYTICS_TEMP_DIR", scratch.toString()));
        Path file = dir.resolve("moved.duckdb");
        Path spill = settings.spillDirectory(file);
        assertThat(spill.getParent()).isEqualTo(scratch);
        assertThat(spill.getFileName().toString()).startsWith("moved.duckdb-").endsWith(".tmp");
        // a database of the same name elsewhere spills apart: one's cleanup never touches the other's files
        assertThat(settings.spillDirectory(dir.resolve("other").resolve("moved.duckdb"))).isNotEqualTo(spill);
        Files.createDirectories(spill);
        Files.write(spill.resolve("duckdb_temp_storage_DEFAULT-0.tmp"), new byte[4096]); // a killed writer's
        try (Database db = Database.open(file, settings);
                Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('temp_directory')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(spill.toString());
            assertThat(spill.resolve("duckdb_temp_storage_DEFAULT-0.tmp")).doesNotExist();
        }
        assertThat(spill).doesNotExist();
        assertThat(dir.resolve("moved.duckdb.tmp")).doesNotExist();
        Path aFile = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> DbSettings.fromEnv(Map.of("CLI_ANALYTICS_TEMP_DIR", aFile.toString())))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessage("CLI_ANALYTICS_TEMP_DIR must name a directory, not the file '" + aFile + "'");
    }

    private static String settingsOf(Database db) throws Exception {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('TimeZone') || ' ' || current_setting('memory_limit')"
                        + " || ' ' || current_setting('threads')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aDuckDbFileWithoutOurSchemaIsNotReadButUpgradedByAWriter() throws Exception {
        Path file = dir.resolve("foreign.duckdb");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE other (x INTEGER)");
        }
        assertThatThrownBy(() -> Database.openReadOnly(file, DbSettings.defaults()))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("has schema 0 and needs an upgrade");
        try (Database db = Database.open(file, DbSettings.defaults());
                Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void aFileThatIsNotDuckDbIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("notes.duckdb");
        byte[] content = "these are my notes, not a database\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        assertThatThrownBy(() -> Database.open(file, DbSettings.defaults()))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("not a cli-analytics database")
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void anEmptyFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("empty.duckdb");
        Files.createFile(file);
        assertThatThrownBy(() -> Database.open(file, DbSettings.defaults())).isInstanceOf(DatabaseUnavailable.class);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("newer.duckdb");
        try (Database db = Database.open(file, DbSettings.defaults())) {
            db.execute("INSERT INTO schema_version (version, script) VALUES (999, 'V999__future.sql')");
            db.execute("CHECKPOINT");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file, DbSettings.defaults()))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("newer cli-analytics")
                .hasMessageContaining("schema 999");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsReportedBusy() throws Exception {
        Path file = dir.resolve("held.duckdb");
        Process child = ChildJvm.start(HoldDatabase.class, Map.of(), dir, file.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThatThrownBy(() -> Database.open(file, DbSettings.defaults()))
                    .isInstanceOf(DatabaseUnavailable.class)
                    .hasMessageContaining("is in use by another process")
                    .hasMessageContaining("PID " + child.pid());
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Database db = Database.open(file, DbSettings.defaults())) {
            assertThat(versions(db)).isPositive();
        }
    }

    @Test
    void readOnlyOpenOfAMissingFileSaysWhatToRun() {
        Path file = dir.resolve("missing.duckdb");
        assertThatThrownBy(() -> Database.openReadOnly(file, DbSettings.defaults()))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessageContaining("no database at")
                .hasMessageContaining("cli-analytics ingest");
        assertThat(file).doesNotExist();
    }

    private static long versions(Database db) throws Exception {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int maxVersion(Database db) throws Exception {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
