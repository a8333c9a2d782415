package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * versions, errors and trends on insights/recovery.jsonl: hand-made runs with failures recovered by
 * a retry and by plan -> apply, a CI failure never recovered, pre-releases and a v prefix, and a
 * recovery that crosses from a Sunday into Monday's week.
 */
class InsightReportsTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir, "insights/recovery.jsonl");
    }

    private static Result run(String... args) {
        Result r = CliRun.withDb(db).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "versions, table, txt", "versions, json, json", "versions, csv, csv", "versions, markdown, md",
        "errors, table, txt", "errors, json, json", "errors, csv, csv", "errors, markdown, md",
        "trends, table, txt", "trends, json, json", "trends, csv, csv", "trends, markdown, md"})
    void reportGivesExactlyTheExpectedOutput(String report, String format, String extension) throws Exception {
        Result r = run("report", report, "--format", format);
        assertThat(r.err()).as(r.toString()).isEmpty();
        Golden.assertMatches("insights/" + report + "." + extension, r.out());
    }

    @Test
    void versionsAreInReleaseOrderWithTheirIntervals() {
        assertLines(run("report", "versions", "--format", "json", "--tool", "terraform").out(), """
                  "versions": [
                    {"tool": "terraform", "version": "1.6.6", "runs": 1, "success_count": 0, "success_rate": 0.00, "ci_low": 0.00, "ci_high": 79.35, "failure_rate": 100.00, "median_duration_ms": null, "first_seen": "2026-01-07T10:00:00Z", "last_seen": "2026-01-07T10:00:00Z", "actors": 1, "regression": false, "compared_to": null},
                    {"tool": "terraform", "version": "1.7.0-rc.1", "runs": 1, "success_count": 1, "success_rate": 100.00, "ci_low": 20.65, "ci_high": 100.00, "failure_rate": 0.00, "median_duration_ms": 15000, "first_seen": "2026-01-07T12:00:00Z", "last_seen": "2026-01-07T12:00:00Z", "actors": 1, "regression": false, "compared_to": null},
                    {"tool": "terraform", "version": "1.7.0", "runs": 2, "success_count": 1, "success_rate": 50.00, "ci_low": 9.45, "ci_high": 90.55, "failure_rate": 50.00, "median_duration_ms": 30000, "first_seen": "2026-01-06T10:00:00Z", "last_seen": "2026-01-06T10:05:00Z", "actors": 1, "regression": false, "compared_to": null},
                    {"tool": "terraform", "version": "v1.7.0", "runs": 2, "success_count": 1, "success_rate": 50.00, "ci_low": 9.45, "ci_high": 90.55, "failure_rate": 50.00, "median_duration_ms": 75000, "first_seen": "2026-01-04T23:50:00Z", "last_seen": "2026-01-05T00:00:05Z", "actors": 1, "regression": false, "compared_to": null},
                    {"tool": "terraform", "version": "1.9.2", "runs": 1, "success_count": 1, "success_rate": 100.00, "ci_low": 20.65, "ci_high": 100.00, "failure_rate": 0.00, "median_duration_ms": 11000, "first_seen": "2026-01-19T09:30:00Z", "last_seen": "2026-01-19T09:30:00Z", "actors": 1, "regression": false, "compared_to": null},
                    {"tool": "terraform", "version": "1.10.0", "runs": 1, "success_count": 1, "success_rate": 100.00, "ci_low": 20.65, "ci_high": 100.00, "failure_rate": 0.00, "median_duration_ms": 12000, "first_seen": "2026-01-19T09:00:00Z", "last_seen": "2026-01-19T09:00:00Z", "actors": 1, "regression": false, "compared_to": null}
                  ],""");
    }

    @Test
    void withFewerRunsThanMinRunsNothingIsCompared() {
        String out = run("report", "versions", "--format", "json", "--tool", "terraform", "--min-runs", "1").out();
        assertThat(out).contains("\"version\": \"1.7.0\", \"runs\": 2").contains("\"compared_to\": \"1.7.0-rc.1\"");
    }

    @Test
    void errorsCountRecoveryTimesAndFixPaths() {
        String out = run("report", "errors", "--format", "json").out();
        // alice: her failure ended 23:50:10, plan -> apply ended 00:01:20: 11m 10s; bob: 10:00:10 to 10:05:30
        assertLines(out, """
                    {"error_type": "Error acquiring the state lock", "failed_runs": 3, "actors": 3, "recovered": 2, "recovery_rate": 66.67, "median_ms_to_recover": 495000, "p90_ms_to_recover": 670000, "ci_share": 33.33, "versions": "1.6.6, 1.7.0, v1.7.0"},
                    {"error_type": "denied: requested access to the resource is denied", "failed_runs": 1, "actors": 1, "recovered": 0, "recovery_rate": 0.00, "median_ms_to_recover": null, "p90_ms_to_recover": null, "ci_share": 0.00, "versions": "nightly"}
                  ],
                  "fix_paths": [
                    {"error_type": "Error acquiring the state lock", "rank": 1, "runs": 1, "fix_path": "terraform/apply"},
                    {"error_type": "Error acquiring the state lock", "rank": 2, "runs": 1, "fix_path": "terraform/plan -> terraform/apply"}
                  ],""");
    }

    @Test
    void weeksStartOnMondayUtcAndQuietPeriodsAreListed() {
        String out = run("report", "trends", "--format", "json").out();
        assertLines(out, """
                  "periods": [
                    {"period_start": "2025-12-29T00:00:00Z", "runs": 1, "success_rate": 0.00, "failed": 1, "abandoned": 0, "median_duration_ms": null, "actors": 1},
                    {"period_start": "2026-01-05T00:00:00Z", "runs": 6, "success_rate": 50.00, "failed": 3, "abandoned": 0, "median_duration_ms": 30000, "actors": 4},""");
        assertThat(out).contains("{\"period_start\": \"2026-01-12T00:00:00Z\", \"runs\": 0, \"success_rate\": null");
        String days = run("report", "trends", "--by", "day", "--format", "csv").out();
        assertThat(days).contains("periods,2026-01-04T00:00:00Z,1,").contains("periods,2026-01-05T00:00:00Z,1,")
                .contains("periods,2026-01-08T00:00:00Z,0,,0,0,,0");
    }

    /** The lines of expected appear in out one after another (each compared without its indentation). */
    private static void assertLines(String out, String expected) {
        assertThat(out.lines().map(String::strip).toList())
                .containsSequence(expected.lines().map(String::strip).toList());
    }

    @Test
    void anUnknownWorkflowNamesTheClosestOnes() {
        Result r = CliRun.withDb(db).run("report", "errors", "--workflow", "aply_workflow");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no workflow named 'aply_workflow'; closest: apply_workflow");
    }
}
