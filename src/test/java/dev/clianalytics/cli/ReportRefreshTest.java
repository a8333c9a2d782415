package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports after new data: an ingest that stored nothing leaves them current; new events are
 * inferred first with the saved settings, shown stale with --no-refresh, refused with --strict.
 */
class ReportRefreshTest {
    /** One more terraform apply, after the fixture's events. */
    private static final String NEW_EVENT = "{\"timestamp\": \"2026-01-11T09:00:00Z\", \"tool_name\": \"terraform\","
            + " \"command_path\": [\"terraform\", \"apply\"], \"exit_code\": 0, \"actor_id\": \"x\", \"machine_id\": \"y\"}\n";

    @TempDir
    Path dir;

    Path db;

    @BeforeEach
    void fixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    private Result run(String... args) {
        return CliRun.withDb(db).run(args);
    }

    private Result ok(String... args) {
        Result r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private void ingestNewEvent() throws Exception {
        ok("ingest", Files.writeString(dir.resolve("more.jsonl"), NEW_EVENT).toString());
    }

    private String inferRuns() {
        return Db.one(db, "SELECT count(*) FROM infer_runs");
    }

    @Test
    void anIngestThatStoredNothingLeavesReportsCurrent() throws Exception {
        String before = ok("report", "summary").out();
        Path again = dir.resolve("again.jsonl");   // the fixture's valid lines: every one a duplicate
        Files.write(again, Files.readAllLines(dir.resolve("fixture.jsonl")).stream().filter(l -> l.contains("\"actor_id\""))
                .toList());
        assertThat(ok("ingest", again.toString()).err()).contains("0 events stored, 18 duplicates, 0 rejected");
        ok("ingest", Files.writeString(dir.resolve("empty.jsonl"), "").toString());

        Result r = ok("report", "summary", "--strict");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(before);
        assertThat(inferRuns()).isEqualTo("1");
    }

    @Test
    void newEventsAreInferredWithTheSavedSettingsBeforeTheReport() throws Exception {
        Path workflows = Files.writeString(dir.resolve("wf.yaml"),
                "workflow_names:\n  - {tool: terraform, terminal: apply, name: tf_deploy}\n");
        ok("infer", "--workflows", workflows.toString(), "--session-timeout", "1h");
        Files.delete(workflows);
        ingestNewEvent();

        Result r = ok("report", "summary", "--format", "json");

        assertThat(r.err()).isEqualTo("1 new event since the last infer: inferring with the settings of the last infer"
                + " (session timeout 1h, workflows wf.yaml)\n");
        assertThat(r.out()).contains("\"total_events\": 19").contains("\"workflow_name\": \"tf_deploy\", \"total_runs\": 4")
                .doesNotContain("apply_workflow");
        assertThat(inferRuns()).isEqualTo("3");
        assertThat(ok("report", "summary", "--strict").err()).isEmpty();
    }

    @Test
    void aNewIdentityLinkAloneAlsoBringsTheTablesUpToDate() throws Exception {
        Path alias = Files.writeString(dir.resolve("alias.jsonl"), "{\"type\": \"alias\", \"userId\": \"a1\","
                + " \"previousId\": \"anon-7\", \"timestamp\": \"2026-01-11T09:00:00Z\"}\n");
        assertThat(ok("ingest", alias.toString()).err()).contains("0 events stored");

        Result r = ok("report", "summary");

        assertThat(r.err()).isEqualTo("1 new identity link and 1 new sign-in since the last infer: inferring with the"
                + " settings of the last infer (session timeout 30m, default workflows)\n");
    }

    @Test
    void aRepeatedSignInAloneAlsoBringsTheTablesUpToDate() throws Exception {
        String alias = "{\"type\": \"alias\", \"userId\": \"a1\", \"previousId\": \"anon-7\", \"timestamp\": \"%s\"}\n";
        ok("ingest", Files.writeString(dir.resolve("alias1.jsonl"), alias.formatted("2026-01-11T09:00:00Z")).toString());
        ok("infer");
        Path again = Files.writeString(dir.resolve("alias2.jsonl"), alias.formatted("2026-01-12T09:00:00Z"));
        ok("ingest", again.toString());

        Result r = ok("report", "summary");

        assertThat(r.err()).isEqualTo("1 new sign-in since the last infer: inferring with the settings of the"
                + " last infer (session timeout 30m, default workflows)\n");
    }

    @Test
    void noRefreshShowsTheStaleTablesWithAWarning() throws Exception {
        ingestNewEvent();

        Result r = ok("report", "summary", "--format", "json", "--no-refresh");

        assertThat(r.err()).isEqualTo("warning: the derived tables are stale (1 new event since the last infer) and shown"
                + " as they are (--no-refresh); run 'cli-analytics --db " + db + " infer' to bring them up to date\n");
        assertThat(r.out()).contains("\"total_events\": 18");
        assertThat(inferRuns()).isEqualTo("1");
    }

    @Test
    void strictFailsWhenStaleAndWritesNothing() throws Exception {
        ingestNewEvent();

        Result r = run("report", "hot-paths", "--strict");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).isEqualTo("error: the derived tables are older than the last ingest (1 new event since the"
                + " last infer, which covers ingest run 1, the latest is 2): run 'cli-analytics --db " + db
                + " infer' to bring them up to date\n");
        assertThat(r.out()).isEmpty();
        assertThat(inferRuns()).isEqualTo("1");
    }

    @Test
    void aReportWhereInferNeverRanInfersFirst(@TempDir Path other) throws Exception {
        String expected = ok("report", "workflow", "apply_workflow").out();
        db = FixtureDb.ingest(other);

        Result r = ok("report", "workflow", "apply_workflow");

        assertThat(r.err()).isEqualTo("infer has not run on this database yet: inferring with the built-in settings"
                + " (session timeout 30m, default workflows)\n");
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void editingTheSettingsFileAfterTheLastInferRefreshes() throws Exception {
        // the last infer an hour ago, so the file is edited after it whatever the clock's resolution
        FixtureDb.execute(db, "UPDATE infer_runs SET finished_at = finished_at - INTERVAL 1 HOUR");
        Path file = Files.writeString(dir.resolve("cli-analytics.yaml"),
                "workflows:\n  workflow_names: [{tool: terraform, terminal: apply, name: tf_deploy}]\n");

        Result r = ok("report", "summary", "--top", "3");

        assertThat(r.err()).isEqualTo(file + " changed since the last infer: inferring with session timeout 30m"
                + " (last infer), inline workflows (" + file + ")\n");
        assertThat(r.out()).contains("tf_deploy");
        assertThat(ok("report", "summary", "--strict").err()).isEmpty();
    }

    @Test
    void aSettingsFileModifiedInTheFutureIsNotAnEditForEver() throws Exception {
        Path file = Files.writeString(dir.resolve("cli-analytics.yaml"), "session_timeout: 1h\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThat(ok("report", "summary", "--strict").err()).isEmpty();
    }

    @Test
    void noRefreshAndStrictTogetherAreAUsageError() {
        Result r = run("report", "summary", "--no-refresh", "--strict");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: --no-refresh and --strict contradict each other: choose one\n");
    }
}
