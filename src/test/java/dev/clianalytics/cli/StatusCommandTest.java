package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status on real databases: the files as they are, freshness as the reports judge it, read-only. */
class StatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsTheFilesAsTheyAreAndNeverTheSalt() throws Exception {
        Path db = FixtureDb.create(dir);
        JsonNode s = json(CliRun.withDb(db).run("status", "--format", "json"));
        JsonNode database = s.get("database");
        assertThat(fieldNames(database)).containsExactly("path", "schema_version", "database_bytes", "wal_bytes",
                "salt_file_present", "salt_source");
        assertThat(database.get("path").asText()).isEqualTo(db.toString());
        assertThat(database.get("database_bytes").asLong()).isEqualTo(Files.size(db));
        assertThat(database.get("wal_bytes").isNull()).isTrue();
        // CliRun sets CLI_ANALYTICS_SALT, so ingest made no salt file
        assertThat(database.get("salt_file_present").asBoolean()).isFalse();
        assertThat(database.get("salt_source").asText()).isEqualTo("CLI_ANALYTICS_SALT");
        assertThat(s.toString()).doesNotContain(CliRun.TEST_SALT);

        Files.writeString(dir.resolve("fixture.duckdb.salt"), "a-salt-in-a-file\n");
        Result fileSalt = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", null).run("status", "--format", "json");
        assertThat(json(fileSalt).get("database").get("salt_source").asText()).isEqualTo("file");
        for (String format : List.of("table", "json", "csv", "markdown")) {
            Result r = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", null).run("status", "--format", format);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).as(format).doesNotContain("a-salt-in-a-file");
        }
    }

    @Test
    void reportsAreCurrentExactlyWhenAReportWouldPrint() throws Exception {
        Path db = FixtureDb.ingest(dir);
        JsonNode never = json(CliRun.withDb(db).run("status", "--format", "json"));
        assertThat(never.get("last_infer").get("infer_id").isNull()).isTrue();
        assertThat(never.get("reports").toString()).isEqualTo("{\"current\":false,\"latest_ingest_run_id\":1,"
                + "\"reason\":\"infer has not run on this database yet\",\"next_step\":\"cli-analytics --db " + db
                + " infer\"}");
        assertThat(CliRun.withDb(db).run("report", "summary", "--strict").exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);

        assertThat(CliRun.withDb(db).run("infer").exitCode()).isZero();
        JsonNode current = json(CliRun.withDb(db).run("status", "--format", "json"));
        assertThat(current.get("reports").get("current").asBoolean()).isTrue();
        assertThat(current.get("last_infer").get("workflow_runs").asLong()).isEqualTo(11);
        assertThat(CliRun.withDb(db).run("report", "summary", "--strict").exitCode()).isZero();

        // an ingest that stores nothing new leaves the reports current, as they judge it
        assertThat(CliRun.withDb(db).run("ingest", dir.resolve("fixture.jsonl").toString()).exitCode()).isZero();
        assertThat(json(CliRun.withDb(db).run("status", "--format", "json")).get("reports").get("current").asBoolean())
                .isTrue();

        Path more = Files.writeString(dir.resolve("more.jsonl"), "{\"timestamp\": \"2026-01-12T09:00:00Z\","
                + " \"tool_name\": \"npm\", \"command_path\": [\"npm\", \"test\"], \"exit_code\": 0,"
                + " \"actor_id\": \"carol\", \"machine_id\": \"m3\"}\n");
        assertThat(CliRun.withDb(db).run("ingest", more.toString()).exitCode()).isZero();
        JsonNode stale = json(CliRun.withDb(db).run("status", "--format", "json"));
        assertThat(stale.get("reports").get("current").asBoolean()).isFalse();
        assertThat(stale.get("reports").get("reason").asText()).isEqualTo("1 new event since the last infer");
        assertThat(stale.get("reports").get("latest_ingest_run_id").asInt()).isEqualTo(3);
        assertThat(stale.get("ingest_runs")).hasSize(3);
        assertThat(stale.get("ingest_runs").get(2).toString()).contains("\"run_id\":3", "\"files\":1", "\"stored\":1,");
        assertThat(CliRun.withDb(db).run("report", "summary", "--strict").exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    }

    @Test
    void aMissingDatabaseIsSaidAndNotCreated() {
        Path missing = dir.resolve("missing.duckdb");
        Result r = CliRun.withDb(missing).run("status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).isEqualTo("error: no database at " + missing + ": run 'cli-analytics ingest FILE' first,"
                + " or pass --db\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void statusChangesNothingAndItsTableFits80Columns() throws Exception {
        Path db = FixtureDb.create(dir);
        FileTime before = Files.getLastModifiedTime(db);
        long size = Files.size(db);
        Result r = CliRun.withDb(db).run("status");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Ingest runs", "Last infer", "  current            yes");
        for (String line : r.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(before);
        assertThat(Files.size(db)).isEqualTo(size);
        assertThat(dir.resolve("fixture.duckdb.wal")).doesNotExist();
    }

    private static JsonNode json(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
