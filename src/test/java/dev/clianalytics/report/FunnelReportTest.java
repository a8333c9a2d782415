package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * report funnel on report/funnels.jsonl (Segment flows of four people: a sign-in whose user id
 * changes mid-flow, a failed sign-up and its retry, a drop-off, a CI timeout; creates, plan
 * changes and a user funnel of commands from report/funnels.yaml), through the real ingest and infer.
 */
class FunnelReportTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        for (String name : new String[] {"funnels.jsonl", "funnels.yaml"}) {
            try (InputStream in = FunnelReportTest.class.getClassLoader().getResourceAsStream("report/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        db = dir.resolve("funnels.duckdb");
        Result ingest = CliRun.withDb(db).run("ingest", dir.resolve("funnels.jsonl").toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        Result infer = CliRun.withDb(db).run("infer", "--funnels", dir.resolve("funnels.yaml").toString());
        assertThat(infer.exitCode()).as(infer.toString()).isZero();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "funnel, table, txt", "funnel, json, json", "funnel, csv, csv", "funnel, markdown, md",
        "funnel auth, table, txt", "funnel auth, json, json", "funnel auth, csv, csv", "funnel auth, markdown, md"})
    void reportGivesExactlyTheExpectedOutput(String report, String format, String extension) throws Exception {
        Result r = CliRun.withDb(db).run(("report " + report + " --format " + format).split(" "));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        Golden.assertMatches(report.replace(' ', '-') + "." + extension, r.out());
    }

    @Test
    void theBreakdownCanBeByVersionAndFiltersApplyToTheAttemptsStart() throws Exception {
        Result r = CliRun.withDb(db).run("report", "funnel", "auth", "--by", "version", "--exclude-ci",
                "--since", "2026-03-01T10:30:00Z", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Golden.assertMatches("funnel-auth-by-version.json", r.out());
    }

    @Test
    void aFunnelWithoutAttemptsIsListedWithZeroOnlyWhenItIsTheUsers() {
        Result r = CliRun.withDb(db).run("report", "funnel", "plan_downgrade", "--format", "csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().replace("\r\n", "\n")).startsWith("section,funnel,window_ms,attempts,completed,failed_attempts,conversion_rate,breakdown_by\n"
                + "overview,plan_downgrade,3600000,0,0,0,,to_plan\n");
        // built-in funnels with data stay listed when the filter leaves none of their attempts; one
        // without any data (plan_downgrade) is not; a user funnel always is
        Result list = CliRun.withDb(db).run("report", "funnel", "--since", "2026-03-02", "--format", "csv");
        assertThat(list.out().replace("\r\n", "\n")).contains("funnels,auth,4,3600000,0,0,0,\n", "funnels,upgrade_from_command,2,3600000,0,0,0,\n")
                .doesNotContain("plan_downgrade");
    }

    @Test
    void anUnknownFunnelIsAnErrorNamingTheClosestOnes() {
        Result r = CliRun.withDb(db).run("report", "funnel", "auht");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: no funnel named 'auht'; closest: auth, onboarding, plan_upgrade\n");
    }

    @Test
    void aBadByIsAUsageError() {
        Result r = CliRun.withDb(db).run("report", "funnel", "auth", "--by", "to-plan");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --by must be a property name, version or ci, not 'to-plan'\n");
    }
}
