package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest --result-format json and infer --format json: one JSON object on one stdout line, for scripts. */
class ResultJsonTest {
    @TempDir
    Path dir;

    Path events;
    Path db;

    @BeforeEach
    void copyFixture() throws Exception {
        events = dir.resolve("fixture.jsonl");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("report/fixture.jsonl")) {
            Files.copy(in, events);
        }
        db = dir.resolve("fixture.duckdb");
    }

    @Test
    void ingestWritesItsResultAsOneJsonLineAndNoTextLines() throws Exception {
        Result r = CliRun.withDb(db).run("ingest", events.toString(), "--result-format", "json");
        JsonNode j = oneJsonLine(r);
        assertThat(fieldNames(j)).containsExactly("run_id", "files", "stored", "duplicates", "conflicts", "rejected",
                "ignored", "flow_events", "identity_links", "reject_reasons", "unknown_fields", "elapsed_ms");
        assertThat(j.get("files").get(0).toString()).isEqualTo("{\"name\":\"" + events + "\",\"bytes\":" + Files.size(events)
                + ",\"lines\":20,\"stored\":18,\"duplicates\":0,\"conflicts\":0,\"rejected\":2}");
        assertThat(j.get("run_id").asInt()).isEqualTo(1);
        assertThat(j.get("stored").asLong()).isEqualTo(18);
        assertThat(j.get("rejected").asLong()).isEqualTo(2);
        assertThat(j.get("reject_reasons").toString()).isEqualTo("[{\"reason\":\"invalid_json\",\"count\":1,"
                + "\"first_locations\":[\"" + events + ":7\"]},{\"reason\":\"missing_field:actor_id\",\"count\":1,"
                + "\"first_locations\":[\"" + events + ":14\"]}]");
        assertThat(j.get("elapsed_ms").isIntegralNumber()).isTrue();
        assertThat(r.err()).isEmpty();

        JsonNode again = oneJsonLine(CliRun.withDb(db).run("-q", "ingest", events.toString(), "--result-format", "json"));
        assertThat(again.get("run_id").asInt()).isEqualTo(2);
        assertThat(again.get("stored").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(18);
    }

    @Test
    void textStaysTheDefault() {
        Result r = CliRun.withDb(db).run("ingest", events.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("ingested " + events + ": 18 events stored");
    }

    @Test
    void ingestsFormatIsTheInputsAndPointsToResultFormat() {
        Result r = CliRun.withDb(db).run("ingest", events.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: Invalid value for option '--format': expected auto, native, posthog or"
                + " segment, not 'json'; --format is the input's format, the result's is --result-format json\n");
        assertThat(db).doesNotExist();
        assertThat(CliRun.withDb(db).run("ingest", events.toString(), "--format", "NATIVE").exitCode()).isZero();
    }

    @Test
    void inferWritesItsCountsAndSettingsAsOneJsonLine() throws Exception {
        Path fixture = FixtureDb.ingest(Files.createDirectories(dir.resolve("fx")));
        Result r = CliRun.withDb(fixture).run("infer", "--format", "json");
        JsonNode j = oneJsonLine(r);
        assertThat(fieldNames(j)).containsExactly("infer_id", "events", "sessions", "workflow_runs", "outcomes", "settings",
                "elapsed_ms");
        assertThat(j.get("events").asLong()).isEqualTo(18);
        assertThat(j.get("sessions").asLong()).isEqualTo(5);
        assertThat(j.get("workflow_runs").asLong()).isEqualTo(11);
        assertThat(j.get("outcomes").toString()).isEqualTo("{\"SUCCESS\":5,\"FAILED\":4,\"ABANDONED\":1,\"IN_PROGRESS\":1}");
        assertThat(j.get("settings").toString()).isEqualTo("{\"session_timeout_ms\":1800000,\"as_of\":\"2026-01-10T14:00:02Z\","
                + "\"as_of_given\":false,\"workflows_file\":null}");
        assertThat(r.err()).isEmpty();

        JsonNode given = oneJsonLine(CliRun.withDb(fixture).run("infer", "--format", "JSON", "--session-timeout", "1h",
                "--as-of", "2026-01-11T00:00:00Z"));
        assertThat(given.get("infer_id").asInt()).isEqualTo(2);
        assertThat(given.get("settings").toString()).isEqualTo("{\"session_timeout_ms\":3600000,\"as_of\":\"2026-01-11T00:00:00Z\","
                + "\"as_of_given\":true,\"workflows_file\":null}");
    }

    private static JsonNode oneJsonLine(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).endsWith("\n");
        assertThat(r.out().strip()).as(r.toString()).doesNotContain("\n");
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
