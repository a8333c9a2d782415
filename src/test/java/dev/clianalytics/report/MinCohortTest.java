package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.report.html.HtmlPage;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --min-cohort (docs/report.md, "Small cohorts") on report/cohorts.jsonl: deploy_workflow run by 6
 * actors, build_workflow by 4 (one of them failed), test_workflow by 1 (failed, then recovered).
 */
class MinCohortTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void fixture() throws Exception {
        db = FixtureDb.create(dir, "report/cohorts.jsonl");
    }

    private static String run(String... args) {
        Result r = CliRun.withDb(db).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        return text.substring(start, text.indexOf(to, start));
    }

    @Test
    void oneIsOffAndTheDefaultOfTerminalFormats() {
        String json = run("report", "summary", "--format", "json");
        assertThat(run("report", "summary", "--format", "json", "--min-cohort", "1")).isEqualTo(json);
        assertThat(json).doesNotContain("suppressed").contains("\"total_runs\": 2,");
    }

    @Test
    void jsonWritesNullAndFlagsTheRowAndCountsTheCells() {
        String json = run("report", "summary", "--format", "json", "--min-cohort", "3");
        String nulls = "\"total_runs\": null, \"success_count\": null, \"failed_count\": null, \"abandoned_count\": null,"
                + " \"in_progress_count\": null, \"success_rate\": null, \"median_duration_ms\": null, \"suppressed\": true";
        assertThat(between(json, "\"top_workflows\"", "]")).isEqualTo("\"top_workflows\": [\n"
                + "    {\"workflow_name\": \"deploy_workflow\", \"total_runs\": 6, \"success_count\": 6, \"failed_count\": 0,"
                + " \"abandoned_count\": 0, \"in_progress_count\": 0, \"success_rate\": 100.00, \"median_duration_ms\": 0,"
                + " \"suppressed\": false, \"name\": \"deploy_workflow\"},\n"
                + "    {\"workflow_name\": \"build_workflow\", " + nulls + ", \"name\": \"build_workflow\"},\n"
                + "    {\"workflow_name\": \"test_workflow\", " + nulls + ", \"name\": \"test_workflow\"}\n  ");
        // 14 in top_workflows, 4 + 8 in the hot paths, 2 outcomes, 4 of recovery (1 actor recovered)
        assertThat(json).contains("\"total_workflows\": 12,").endsWith("\"min_cohort\": 3,\n  \"suppressed_cells\": 32\n}\n");
    }

    /**
     * Naive suppression would hide test_workflow alone (1 actor) and FAILED alone (2 actors): the runs
     * total (12) minus the rows shown would give them back. The next smallest row goes too.
     */
    @Test
    void complementSuppressionLeavesNoValueToSubtractFromATotal() {
        String table = run("report", "summary", "--min-cohort", "3");
        assertThat(between(table, "Outcomes", "\n\n")).isEqualTo("Outcomes of workflow runs\n"
                + "  success      <3\n  failed       <3\n  abandoned     0\n  in progress   0");
        assertThat(between(table, "Top workflows", "\n\n")).isEqualTo("Top workflows\n"
                + "  workflow         runs  ok  failed  abandoned  in progress  success  median\n"
                + "  ---------------  ----  --  ------  ---------  -----------  -------  ------\n"
                + "  deploy_workflow     6   6       0          0            0     100%     0ms\n"
                + "  build_workflow     <3  <3      <3         <3           <3       <3      <3\n"
                + "  test_workflow      <3  <3      <3         <3           <3       <3      <3");
        assertThat(table).endsWith("Small cohorts\n"
                + "  rows from fewer actors than this are suppressed   3\n"
                + "  cells suppressed                                 32\n");
        // build_workflow (4 actors) on its own: its 1 failing actor hides FAILED, and so SUCCESS
        String csv = run("report", "workflow", "build_workflow", "--min-cohort", "3", "--format", "csv").replace("\r", "");
        assertThat(csv).contains("section,SUCCESS,FAILED,ABANDONED,IN_PROGRESS\noutcomes,<3,<3,0,0\n")
                .contains("overview,build_workflow,4,<3,")
                .contains("tool_versions,mytool,,4,3,1,75.00\n");
    }

    /**
     * report variants counts each variant's actors: test_workflow's one variant (1 actor) is hidden,
     * its totals and coverage by the workflow's actors; "no other variant" is nobody's and shown.
     * Without a workflow, build_workflow (4 actors) goes as the complement of test_workflow.
     */
    @Test
    void variantsAreJudgedByTheirOwnActors() {
        String csv = run("report", "variants", "test_workflow", "--min-cohort", "3", "--format", "csv").replace("\r", "");
        assertThat(csv).startsWith("section,workflow_name,total_runs,variant_count,collapse_retries\n"
                + "overview,test_workflow,<3,<3,false\n\n"
                + "section,rank,fingerprint,runs,share,success_rate,median_duration_ms\n"
                + "variants,1,mytool/test,<3,<3,<3,<3\n\n"
                + "section,variants,runs,share,success_rate,median_duration_ms\nother,0,0,0.00,,\n\n"
                + "section,coverage\ncoverage,<3\n").endsWith("small_cohorts,3,7\n");
        assertThat(run("report", "variants", "deploy_workflow", "--min-cohort", "3", "--format", "json"))
                .contains("{\"rank\": 1, \"fingerprint\": \"mytool/deploy\", \"runs\": 6, \"share\": 100.00,"
                        + " \"success_rate\": 100.00, \"median_duration_ms\": 0, \"suppressed\": false}")
                .contains("\"suppressed_cells\": 0\n");
        String overview = run("report", "variants", "--min-cohort", "3", "--format", "json");
        assertThat(between(overview, "\"workflows\"", "]")).isEqualTo("\"workflows\": [\n"
                + "    {\"workflow_name\": \"deploy_workflow\", \"runs\": 6, \"variants\": 1, \"top_runs\": 6,"
                + " \"top_share\": 100.00, \"top_fingerprint\": \"mytool/deploy\", \"suppressed\": false},\n"
                + "    {\"workflow_name\": \"build_workflow\", \"runs\": null, \"variants\": null, \"top_runs\": null,"
                + " \"top_share\": null, \"top_fingerprint\": \"mytool/build\", \"suppressed\": true},\n"
                + "    {\"workflow_name\": \"test_workflow\", \"runs\": null, \"variants\": null, \"top_runs\": null,"
                + " \"top_share\": null, \"top_fingerprint\": \"mytool/test\", \"suppressed\": true}\n  ");
    }

    /** report versions judges each version by its actors column; its interval and flag are measures too. */
    @Test
    void versionsAreJudgedByTheirOwnActors() {
        String table = run("report", "versions", "--min-cohort", "12");
        assertThat(between(table, "  mytool", "\n")).isEqualTo(
                "  mytool  -         <12      <12  <12          <12     <12     <12  2026-03-01  <12");
        assertThat(run("report", "versions", "--min-cohort", "11")).contains("55.2–95.3%");
    }

    /**
     * report funnel NAME counts the actors of its totals, steps, breakdown values, failure classes and
     * commands after a drop-off (generated Segment events, seed 7: auth has 45 attempts of 36 actors,
     * 5 dropped, each by its own actor; "docker login" ran after 3 of them, by 3 actors).
     */
    @Test
    void funnelValuesAreJudgedByTheirOwnActors() {
        Path events = dir.resolve("segment-7.jsonl");
        Path funnels = dir.resolve("funnels-7.duckdb");
        assertThat(CliRun.withDb(null).run("generate", "--format", "segment", "--events", "3000", "--seed", "7", "-o",
                events.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(funnels).run("-q", "ingest", events.toString()).exitCode()).isZero();
        Result r = CliRun.withDb(funnels).run("report", "funnel", "auth", "--min-cohort", "3", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("{\n  \"funnel\": \"auth\",\n  \"window_ms\": 3600000,\n  \"attempts\": 45,\n"
                + "  \"completed\": 40,\n  \"failed_attempts\": 0,\n  \"conversion_rate\": 88.89,\n")
                .contains("\"after_drop_off\": [\n"
                        + "    {\"attempts\": 3, \"command\": \"docker login\", \"suppressed\": false},\n"
                        + "    {\"attempts\": null, \"command\": \"docker build\", \"suppressed\": true},\n")
                .contains("{\"value\": \"signup\", \"attempts\": 14, \"completed\": 11, \"failed_attempts\": 0,"
                        + " \"conversion_rate\": 78.57, \"suppressed\": false}");
        // with K above the 36 actors every measure goes, the window (a setting) stays
        Result all = CliRun.withDb(funnels).run("report", "funnel", "auth", "--min-cohort", "37", "--format", "json");
        assertThat(all.out()).startsWith("{\n  \"funnel\": \"auth\",\n  \"window_ms\": 3600000,\n  \"attempts\": null,\n");
    }

    /** report errors judges its failed-run totals by the actors of the failed runs (2 here), the CI share too. */
    @Test
    void errorsTotalsOfTooFewActorsAreHidden() {
        assertThat(run("report", "errors", "--format", "json", "--min-cohort", "3")).startsWith("{\n"
                + "  \"failed_runs\": null,\n  \"recovered_runs\": null,\n  \"recovery_rate\": null,\n"
                + "  \"ci_share\": null,\n  \"suppressed\": true,\n");
    }

    @Test
    void minCohortMustBeAWholeNumberOfAtLeastOne() {
        Result zero = CliRun.withDb(db).run("report", "summary", "--min-cohort", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--min-cohort must be a whole number of at least 1, not 0");
        Result word = CliRun.withDb(db).run("report", "html", "--min-cohort", "few");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("--min-cohort").contains("few");
    }

    @Test
    void htmlDefaultsToFiveAndSaysWhatItSuppressed() throws Exception {
        Path page = dir.resolve("page.html");
        assertThat(CliRun.withDb(db).run("-q", "report", "html", "-o", page.toString()).exitCode()).isZero();
        JsonNode data = new ObjectMapper().readTree(HtmlPage.dataBlock(Files.readString(page)));
        java.util.Map<String, JsonNode> sections = new java.util.HashMap<>();
        data.get("sections").forEach(s -> sections.put(s.get("key").asText(), s.get("data")));
        JsonNode workflows = sections.get("workflows").get("workflows");
        assertThat(workflows.get(0).get("total_runs").asInt()).isEqualTo(6);
        assertThat(workflows.get(1).get("total_runs").isNull()).isTrue();
        // the variants of each workflow, each by its own actors: deploy_workflow's one variant has 6
        assertThat(workflows.get(0).get("variants").toString()).isEqualTo("[{\"rank\":1,\"fingerprint\":"
                + "\"mytool/deploy\",\"runs\":6,\"share\":100.0,\"success_rate\":100.0,\"median_duration_ms\":0,"
                + "\"suppressed\":false}]");
        assertThat(workflows.get(1).get("variants").toString()).isEqualTo("[]");
        // the flow graph of deploy_workflow (6 actors) is drawn, each node and edge judged by its actors
        assertThat(sections.get("graph").get("edges").get(0).toString()).isEqualTo("{\"from\":\"mytool/deploy\","
                + "\"to\":\"end:SUCCESS\",\"count\":6,\"median_ms\":null,\"suppressed\":false}");
        assertThat(sections.get("funnels").get("funnels").size()).isZero(); // no flow events here
        // the one version (11 actors) is shown, judged by its own actors column
        JsonNode version = sections.get("versions").get("versions").get(0);
        assertThat(version.get("runs").asInt()).isEqualTo(12);
        assertThat(version.get("suppressed").asBoolean()).isFalse();
        JsonNode day = sections.get("trends").get("points").get(0); // one day, 11 actors
        assertThat(day.get("runs").asInt()).isEqualTo(12);
        assertThat(day.get("suppressed").asBoolean()).isFalse();
        JsonNode settings = sections.get("settings");
        assertThat(settings.get("min_cohort").asInt()).isEqualTo(5);
        assertThat(settings.get("suppressed_cells").asInt()).isPositive();
    }
}
