package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.cli.ExitCodes;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBehaviourTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path db;

    @BeforeEach
    void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    private JsonNode json(String... args) throws Exception {
        Result r = CliRun.withDb(db).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get(field).asText()));
        return names;
    }

    @Test
    void summaryJsonKeepsTheSeedSystemsKeysAndTypes() throws Exception {
        JsonNode s = json("report", "summary", "--format", "json");
        assertThat(s.get("total_events").isIntegralNumber()).isTrue();
        assertThat(s.get("total_sessions").asLong()).isEqualTo(5);
        assertThat(s.get("total_workflows").asLong()).isEqualTo(11);
        JsonNode first = s.get("top_workflows").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("workflow_name", "total_runs", "success_count", "failed_count",
                "abandoned_count", "in_progress_count", "success_rate", "median_duration_ms", "name");
        assertThat(first.get("success_rate").decimalValue()).isEqualByComparingTo("66.67");
        JsonNode hot = s.get("failure_hot_paths").get(0);
        assertThat(hot.has("command_fingerprint") && hot.has("failure_count") && hot.has("workflow_name")).isTrue();
        assertThat(s.get("first_event_at").asText()).isEqualTo("2026-01-10T09:00:00Z");
    }

    @Test
    void excludeCiDropsTheCiSessionRunsAndEvents() throws Exception {
        JsonNode s = json("report", "summary", "--format", "json", "--exclude-ci");
        assertThat(s.get("total_events").asLong()).isEqualTo(15);
        assertThat(s.get("total_sessions").asLong()).isEqualTo(4);
        assertThat(s.get("total_workflows").asLong()).isEqualTo(8);
        assertThat(s.get("ci_event_share").decimalValue()).isEqualByComparingTo("0");
        assertThat(names(s.get("top_workflows"), "workflow_name")).doesNotContain("build_workflow", "push_workflow");
        assertThat(names(s.get("failure_hot_paths"), "command_fingerprint")).doesNotContain("docker/build");
        assertThat(s.get("filters").get("exclude_ci").asBoolean()).isTrue();
    }

    @Test
    void toolKeepsOnlyThatToolsData() throws Exception {
        JsonNode s = json("report", "summary", "--format", "json", "--tool", "terraform");
        assertThat(s.get("total_events").asLong()).isEqualTo(11);
        assertThat(s.get("total_sessions").asLong()).isEqualTo(3);
        assertThat(s.get("total_workflows").asLong()).isEqualTo(5);
        assertThat(s.get("total_actors").asLong()).isEqualTo(2);
        assertThat(names(s.get("top_workflows"), "workflow_name")).containsExactly("apply_workflow", "terraform_workflow");
        assertThat(names(s.get("failing_ngrams"), "ngram")).containsExactly("terraform/apply",
                "terraform/init -> terraform/plan", "terraform/init -> terraform/plan -> terraform/apply",
                "terraform/plan", "terraform/plan -> terraform/apply");
        assertThat(s.get("recovery").get("recovery_rate").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void sinceAndUntilSplitTheDayAtNoon() throws Exception {
        JsonNode after = json("report", "summary", "--format", "json", "--since", "2026-01-10T12:00:00Z");
        assertThat(after.get("total_events").asLong()).isEqualTo(5);
        assertThat(after.get("total_workflows").asLong()).isEqualTo(4);
        assertThat(after.get("first_event_at").asText()).isEqualTo("2026-01-10T13:00:00Z");
        JsonNode before = json("report", "summary", "--format", "json", "--until", "2026-01-10T14:00:00+02:00");
        assertThat(before.get("total_events").asLong()).isEqualTo(13);
        assertThat(before.get("total_workflows").asLong()).isEqualTo(7);
        assertThat(before.get("filters").get("until").asText()).isEqualTo("2026-01-10T12:00:00Z");
    }

    @Test
    void inferOnTheFixtureEventsDerivesExactlyTheHandWrittenTables(@TempDir Path other) throws Exception {
        Path hand = FixtureDb.handWritten(other);
        Path copy = other.resolve("inferred.duckdb");
        java.nio.file.Files.copy(hand, copy);
        Result infer = CliRun.withDb(copy).run("infer");
        assertThat(infer.exitCode()).as(infer.toString()).isZero();
        for (String[] args : List.of(new String[] {"summary"}, new String[] {"hot-paths"},
                new String[] {"summary", "--exclude-ci", "--tool", "terraform"},
                new String[] {"workflow", "apply_workflow"})) {
            List<String> all = new ArrayList<>(List.of("report"));
            all.addAll(List.of(args));
            all.addAll(List.of("--format", "json"));
            Result written = CliRun.withDb(hand).run(all.toArray(String[]::new));
            Result inferred = CliRun.withDb(copy).run(all.toArray(String[]::new));
            assertThat(inferred.exitCode()).as(inferred.toString()).isZero();
            assertThat(inferred.out()).as(String.join(" ", all)).isEqualTo(written.out());
        }
    }

    @Test
    void theIngestedFixtureAndTheHandWrittenOneGiveTheSameSummary(@TempDir Path other) throws Exception {
        Path hand = FixtureDb.handWritten(other);
        for (String[] filter : List.of(new String[0], new String[] {"--tool", "terraform", "--exclude-ci"},
                new String[] {"--since", "2026-01-10T12:00:00Z"})) {
            List<String> args = new ArrayList<>(List.of("report", "summary", "--format", "json"));
            args.addAll(List.of(filter));
            Result written = CliRun.withDb(hand).run(args.toArray(String[]::new));
            Result real = CliRun.withDb(db).run(args.toArray(String[]::new));
            assertThat(real.exitCode()).as(real.toString()).isZero();
            assertThat(real.out()).as(String.join(" ", args)).isEqualTo(written.out());
        }
    }

    @Test
    void summaryRecomputedUnderAFilterThatKeepsEverythingEqualsTheStoredAggregates() throws Exception {
        JsonNode stored = json("report", "summary", "--format", "json");
        JsonNode computed = json("report", "summary", "--format", "json", "--since", "2000-01-01");
        for (String key : List.of("total_events", "total_sessions", "total_workflows", "total_actors", "total_machines",
                "total_tools", "first_event_at", "last_event_at", "ci_event_share", "outcomes", "recovery",
                "top_workflows")) {
            assertThat(computed.get(key)).as(key).isEqualTo(stored.get(key));
        }
    }

    @Test
    void hotPathsRecomputedUnderAFilterThatKeepsEverythingEqualTheStoredTables() throws Exception {
        JsonNode stored = json("report", "hot-paths", "--format", "json");
        JsonNode computed = json("report", "hot-paths", "--format", "json", "--since", "2000-01-01");
        assertThat(computed.get("failure_hot_paths")).isEqualTo(stored.get("failure_hot_paths"));
        assertThat(computed.get("failing_ngrams")).isEqualTo(stored.get("failing_ngrams"));
    }

    @Test
    void topLimitsEveryList() throws Exception {
        JsonNode s = json("report", "hot-paths", "--format", "json", "--top", "2");
        assertThat(s.get("failure_hot_paths")).hasSize(2);
        assertThat(s.get("failing_ngrams")).hasSize(2);
    }

    @Test
    void workflowReportFiltersToNothingShowsZeroRuns() throws Exception {
        JsonNode w = json("report", "workflow", "apply_workflow", "--format", "json", "--tool", "npm");
        assertThat(w.get("total_runs").asLong()).isZero();
        assertThat(w.get("success_rate").isNull()).isTrue();
        assertThat(w.get("recent_runs")).isEmpty();
    }

    @Test
    void aToolNamedInAnotherCaseIsThatToolAndAnUnknownToolIsAnErrorListingTheKnownOnes() throws Exception {
        assertThat(json("report", "summary", "--format", "json", "--tool", "Terraform"))
                .isEqualTo(json("report", "summary", "--format", "json", "--tool", "terraform"));
        assertThat(json("report", "hot-paths", "--format", "json", "--tool", "TERRAFORM").get("filters").get("tool").asText())
                .isEqualTo("terraform");
        for (String command : new String[] {"summary", "hot-paths"}) {
            Result r = CliRun.withDb(db).run("report", command, "--tool", "nosuchtool");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
            assertThat(r.err()).startsWith("error: no tool named 'nosuchtool'; known tools: ");
            assertThat(r.out()).isEmpty();
        }
        Result w = CliRun.withDb(db).run("report", "workflow", "apply_workflow", "--tool", "nosuchtool");
        assertThat(w.exitCode()).as(w.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    }

    @Test
    void anUnknownWorkflowNamesTheClosestOnes() {
        Result r = CliRun.withDb(db).run("report", "workflow", "aply_workflow");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).isEqualTo("error: no workflow named 'aply_workflow'; closest: apply_workflow, npm_workflow,"
                + " build_workflow\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadSinceIsAUsageErrorNamingTheOption() {
        Result r = CliRun.withDb(db).run("report", "summary", "--since", "yesterday");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--since").contains("ISO-8601");
    }

    @Test
    void sinceAfterUntilIsAUsageError() {
        Result r = CliRun.withDb(db).run("report", "summary", "--since", "2026-02-01", "--until", "2026-01-01");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--since").contains("--until");
    }

    @Test
    void topBelowOneIsAUsageError() {
        Result r = CliRun.withDb(db).run("report", "hot-paths", "--top", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--top");
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheFormats() {
        Result r = CliRun.withDb(db).run("report", "summary", "--format", "xml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--format").contains("table, json, csv, markdown".toUpperCase());
    }

    @Test
    void anIngestAfterTheLastInferIsReportedAsStaleWithTheFixUnderStrict() throws Exception {
        Path more = java.nio.file.Files.writeString(dir.resolve("more.jsonl"), "{\"timestamp\": \"2026-01-11T09:00:00Z\","
                + " \"tool_name\": \"npm\", \"command_path\": [\"npm\", \"test\"], \"exit_code\": 0,"
                + " \"actor_id\": \"x\", \"machine_id\": \"y\"}\n");
        Result ingest = CliRun.withDb(db).run("ingest", more.toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        Result r = CliRun.withDb(db).run("report", "summary", "--strict");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).contains("older than the last ingest").contains("1 new event since").contains("latest is 2")
                .contains("run 'cli-analytics --db " + db + " infer'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDatabaseWhereInferNeverRanSaysSoUnderStrictOrNoRefresh(@TempDir Path other) throws Exception {
        db = FixtureDb.ingest(other);
        for (String report : List.of("summary --strict", "hot-paths --no-refresh", "workflow apply_workflow --strict")) {
            List<String> args = new ArrayList<>(List.of("report"));
            args.addAll(List.of(report.split(" ")));
            Result r = CliRun.withDb(db).run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
            assertThat(r.err()).contains("infer has not run").contains("run 'cli-analytics --db " + db + " infer'");
        }
    }

    @Test
    void aDatabaseWithoutEventsSaysToIngestFirst() throws Exception {
        Path empty = dir.resolve("empty.duckdb");
        dev.clianalytics.db.Database.open(empty, dev.clianalytics.db.DbSettings.defaults()).close();
        Result r = CliRun.withDb(empty).run("report", "summary");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).contains("holds no events").contains("ingest FILE").contains("infer'");
    }

    @Test
    void aMissingDatabaseIsNotCreatedByAReport() {
        Path missing = dir.resolve("missing.duckdb");
        Result r = CliRun.withDb(missing).run("report", "summary");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).contains("no database").contains("ingest");
        assertThat(missing).doesNotExist();
    }
}
