package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend chart's points: per day up to 60 days of runs, else per week; empty days and weeks count 0. */
class HtmlTrendsTest {
    @TempDir
    Path dir;

    @Test
    void runsOverSeventyDaysArePerWeekFromMonday() throws Exception {
        JsonNode trends = trends(List.of("2026-01-07T10:00:00Z", "2026-01-08T10:00:00Z", "2026-02-20T10:00:00Z",
                "2026-03-20T10:00:00Z"));
        assertThat(trends.get("unit").asText()).isEqualTo("week");
        List<String> buckets = new ArrayList<>();
        trends.get("points").forEach(p -> buckets.add(p.get("bucket").asText() + "=" + p.get("runs").asLong()));
        assertThat(buckets).containsExactly("2026-01-05=2", "2026-01-12=0", "2026-01-19=0", "2026-01-26=0",
                "2026-02-02=0", "2026-02-09=0", "2026-02-16=1", "2026-02-23=0", "2026-03-02=0", "2026-03-09=0",
                "2026-03-16=1");
    }

    @Test
    void runsWithinSixtyDaysArePerDayWithEmptyDays() throws Exception {
        JsonNode trends = trends(List.of("2026-01-07T23:30:00Z", "2026-01-09T00:30:00Z"));
        assertThat(trends.get("unit").asText()).isEqualTo("day");
        List<String> buckets = new ArrayList<>();
        trends.get("points").forEach(p -> buckets.add(p.get("bucket").asText() + "=" + p.get("runs").asLong()
                + "/" + p.get("success_rate").asText()));
        assertThat(buckets).containsExactly("2026-01-07=1/100.00", "2026-01-08=0/null", "2026-01-09=1/100.00");
    }

    /** One successful `terraform apply` (a workflow run of its own) at each time, through ingest and infer. */
    private JsonNode trends(List<String> times) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < times.size(); i++) {
            lines.append("{\"timestamp\": \"").append(times.get(i)).append("\", \"tool_name\": \"terraform\","
                    + " \"command_path\": [\"terraform\", \"apply\"], \"exit_code\": 0, \"duration_ms\": 1000,"
                    + " \"actor_id\": \"a").append(i).append("\", \"machine_id\": \"m\"}\n");
        }
        Path events = Files.writeString(dir.resolve("events.jsonl"), lines);
        Path db = dir.resolve("t.duckdb");
        Path page = dir.resolve("t.html");
        Result r = CliRun.withDb(db).run("ingest", events.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        r = CliRun.withDb(db).run("report", "html", "-o", page.toString(), "--min-cohort", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode data = HtmlContext.JSON.readTree(HtmlPage.dataBlock(Files.readString(page)));
        for (JsonNode s : data.get("sections")) {
            if (s.get("key").asText().equals("trends")) {
                return s.get("data");
            }
        }
        throw new AssertionError("no trends section");
    }
}
