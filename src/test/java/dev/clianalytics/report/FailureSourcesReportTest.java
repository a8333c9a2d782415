package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report workflow's failure_sources and failure_http_statuses: the failing event's (the run's
 * last step's) error_source and http_status, per failed run, most frequent first, shares of all the
 * workflow's failed runs in scope.
 */
class FailureSourcesReportTest {
    @TempDir
    Path dir;
    Path db;

    /** One run of terraform apply per hour (a session each); a failed one with the given fields. */
    private static String run(int hour, int exit, String fields, boolean ci) {
        return "{\"timestamp\":\"2026-03-01T" + String.format("%02d", hour) + ":00:00Z\",\"tool_name\":\"terraform\","
                + "\"command_path\":[\"terraform\",\"apply\"],\"exit_code\":" + exit + ",\"actor_id\":\"a\",\"machine_id\":\"m\""
                + (ci ? ",\"ci_detected\":true" : "") + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    @BeforeEach
    void ingestAndInfer() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(run(0, 1, "\"error_source\":\"api\",\"http_status\":503", false));
        lines.add(run(1, 1, "\"error_source\":\"api\",\"http_status\":401", false));
        lines.add(run(2, 1, "\"error_source\":\"network\",\"http_status\":503", false));
        lines.add(run(3, 1, "\"error_source\":\"api\",\"http_status\":\"503\"", false));
        lines.add(run(4, 1, "\"error_source\":\"user\"", false));
        lines.add(run(5, 1, "", false));                                        // says nothing: unknown, no status
        lines.add(run(6, 1, "\"error_source\":\"alice@example.com\"", false)); // not allowed: unknown
        lines.add(run(7, 0, "\"error_source\":\"cli\",\"http_status\":500", false)); // a success: not a failure
        lines.add(run(8, 1, "\"error_source\":\"cli\",\"http_status\":500", true));  // CI
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        db = dir.resolve("db.duckdb");
        assertThat(CliRun.withDb(db).run("ingest", file.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(db).run("infer").exitCode()).isZero();
    }

    private String report(String... more) {
        List<String> args = new ArrayList<>(List.of("report", "workflow", "apply_workflow", "--format", "json"));
        args.addAll(List.of(more));
        Result r = CliRun.withDb(db).run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }

    private static String section(String json, String key) {
        int start = json.indexOf("\"" + key + "\":");
        int end = json.indexOf(']', start);
        return json.substring(start, end + 1).replaceAll("\\s+", " ");
    }

    @Test
    void failedRunsBySourceAndStatusMostFrequentFirst() {
        String json = report();
        assertThat(section(json, "failure_sources")).isEqualTo("\"failure_sources\": [ "
                + "{\"error_source\": \"api\", \"failed_runs\": 3, \"share\": 37.50}, "
                + "{\"error_source\": \"unknown\", \"failed_runs\": 2, \"share\": 25.00}, "
                + "{\"error_source\": \"cli\", \"failed_runs\": 1, \"share\": 12.50}, "
                + "{\"error_source\": \"network\", \"failed_runs\": 1, \"share\": 12.50}, "
                + "{\"error_source\": \"user\", \"failed_runs\": 1, \"share\": 12.50} ]");
        assertThat(section(json, "failure_http_statuses")).isEqualTo("\"failure_http_statuses\": [ "
                + "{\"http_status\": 503, \"failed_runs\": 3, \"share\": 37.50}, "
                + "{\"http_status\": 401, \"failed_runs\": 1, \"share\": 12.50}, "
                + "{\"http_status\": 500, \"failed_runs\": 1, \"share\": 12.50} ]");
    }

    @Test
    void theReportsFiltersAndTopApply() {
        String json = report("--exclude-ci", "--until", "2026-03-01T03:00:00Z", "--top", "1");
        assertThat(section(json, "failure_sources"))
                .isEqualTo("\"failure_sources\": [ {\"error_source\": \"api\", \"failed_runs\": 2, \"share\": 66.67} ]");
        assertThat(section(json, "failure_http_statuses"))
                .isEqualTo("\"failure_http_statuses\": [ {\"http_status\": 503, \"failed_runs\": 2, \"share\": 66.67} ]");
    }
}
