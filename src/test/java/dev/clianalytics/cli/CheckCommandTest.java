package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.Baseline;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.report.Golden;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * check on insights/recovery.jsonl (9 runs: 5 successes, 4 failures, median success 15s; error types
 * "Error acquiring the state lock" and "denied: …") and insights/regression.jsonl (terraform 1.0.0:
 * 30 of 30 succeed; 1.1.0: 15 of 30): each rule passing and failing, with its exit code.
 */
class CheckCommandTest {
    @TempDir
    static Path dir;

    static Path db;
    static Path regressed;

    @BeforeAll
    static void buildFixtures() throws Exception {
        db = FixtureDb.create(Files.createDirectory(dir.resolve("recovery")), "insights/recovery.jsonl");
        regressed = FixtureDb.create(Files.createDirectory(dir.resolve("regression")), "insights/regression.jsonl");
    }

    private static Result check(Path on, String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--format", "json"));
        all.addAll(List.of(args));
        return CliRun.withDb(on).run(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} {1}: exit {2}")
    @CsvSource({
        "--min-success-rate, 55, 0, 55.56", "--min-success-rate, 56, 5, 55.56",
        "--min-success-rate, apply_workflow=62.5, 0, 62.50", "--min-success-rate, apply_workflow=63, 5, 62.50",
        "--max-failure-rate, 45, 0, 44.44", "--max-failure-rate, 44, 5, 44.44",
        "--max-median-duration, 15s, 0, 15000", "--max-median-duration, 14999, 5, 15000"})
    void aRatePassesAtItsThresholdAndFailsPastIt(String option, String value, int exit, String measured) {
        Result r = check(db, option, value);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
        assertThat(r.out()).contains("\"result\": \"" + (exit == 0 ? "pass" : "fail") + "\", \"measured\": " + measured + ",");
    }

    @Test
    void noRegressionFailsOnARegressedVersionAndPassesBelowTheRunThreshold() {
        Result r = check(regressed, "--no-regression");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).contains("{\"rule\": \"no_regression\", \"workflow\": null, \"result\": \"fail\", \"measured\": 1,"
                + " \"threshold\": 0, \"unit\": \"count\", \"detail\": \"terraform 1.1.0 (vs 1.0.0)\"}");
        Result fewer = check(regressed, "--no-regression", "--min-runs", "31");
        assertThat(fewer.exitCode()).as(fewer.toString()).isZero();
        assertThat(check(db, "--no-regression").exitCode()).isZero();
    }

    @Test
    void newErrorTypesAreCountedAgainstADatabaseOrASavedReport() throws Exception {
        assertThat(check(db, "--max-new-error-types", "0", "--baseline", db.toString()).exitCode()).isZero();
        Path saved = Files.writeString(dir.resolve("errors.json"),
                "{\"errors\": [{\"error_type\": \"Error acquiring the state lock\", \"failed_runs\": 3}]}");
        Result r = check(db, "--max-new-error-types", "0", "--baseline", saved.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).contains("\"measured\": 1, \"threshold\": 0, \"unit\": \"count\","
                + " \"detail\": \"denied: requested access to the resource is denied\"}");
        assertThat(check(db, "--max-new-error-types", "1", "--baseline", saved.toString()).exitCode()).isZero();
        Result noBaseline = check(db, "--max-new-error-types", "0");
        assertThat(noBaseline.exitCode()).isEqualTo(2);
        assertThat(noBaseline.err()).contains("max_new_error_types compares with a baseline: pass --baseline");
    }

    @Test
    void aSavedSummaryIsABaseline() throws Exception {
        // the summary of the runs before 2026-01-07 names only the state lock among its error types
        Result summary = CliRun.withDb(db).run("report", "summary", "--format", "json", "--until", "2026-01-07");
        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        Path saved = Files.writeString(dir.resolve("summary.json"), summary.out());
        assertThat(Baseline.errorTypes(saved)).containsExactly("Error acquiring the state lock");
        Result r = check(db, "--max-new-error-types", "0", "--baseline", saved.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.out()).contains("\"measured\": 1, \"threshold\": 0, \"unit\": \"count\","
                + " \"detail\": \"denied: requested access to the resource is denied\"}");
        assertThat(check(db, "--max-new-error-types", "0", "--baseline", saved.toString(), "--until", "2026-01-07")
                .exitCode()).isZero();
    }

    @Test
    void withoutAFilterTheStoredAggregatesMeasureWhatTheRunsInScopeDo() {
        // no filter: read from what infer stored; a window around every run: computed from the runs
        String[] rules = {"--min-success-rate", "50", "--min-success-rate", "apply_workflow=50", "--max-failure-rate",
            "apply_workflow=50", "--max-median-duration", "apply_workflow=1m", "--max-failure-rate", "50"};
        List<String> stored = ruleLines(check(db, rules));
        List<String> args = new ArrayList<>(List.of(rules));
        args.addAll(List.of("--since", "2000-01-01"));
        assertThat(ruleLines(check(db, args.toArray(String[]::new)))).isEqualTo(stored);
        assertThat(stored).hasSize(5).allMatch(l -> l.contains("\"result\": \"pass\"") && !l.contains("\"measured\": null"));
    }

    private static List<String> ruleLines(Result r) {
        return r.out().lines().filter(l -> l.contains("{\"rule\":")).toList();
    }

    @Test
    void theWindowDecidesWhatIsMeasured() {
        // from 2026-01-19 on: the two 1.9.2 / 1.10.0 successes only
        Result recent = check(db, "--min-success-rate", "100", "--since", "2026-01-19");
        assertThat(recent.exitCode()).as(recent.toString()).isZero();
        assertThat(recent.out()).contains("\"result\": \"pass\", \"measured\": 100.00,");
        // the fixture is older than a day: a relative window leaves no runs, and a rule without runs fails
        Result lastDay = check(db, "--min-success-rate", "10", "--since", "1d");
        assertThat(lastDay.exitCode()).as(lastDay.toString()).isEqualTo(5);
        assertThat(lastDay.out()).contains("\"measured\": null, \"threshold\": 10, \"unit\": \"percent\", \"detail\": \"no runs in scope\"");
    }

    @Test
    void aWorkflowWithoutRunsInScopeFails() {
        Result r = check(db, "--min-success-rate", "no_such_workflow=10");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out()).contains("\"measured\": null, \"threshold\": 10, \"unit\": \"percent\", \"detail\": \"no runs in scope\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "max_failure_rate: [15|rules file RULES, line 1: not valid YAML",
        "max_failure_rat: 15|rules file RULES: unknown rule 'max_failure_rat'",
        "min_success_rate: {apply_workflow: ninety}|rules file RULES: min_success_rate.apply_workflow: 'ninety' is not a percent",
        "max_median_duration: soon|rules file RULES: max_median_duration: 'soon' is not a duration",
        "no_regression: yes please|rules file RULES: no_regression takes true or false",
        "- max_failure_rate|rules file RULES: expected a mapping of rules"})
    void aMalformedRulesFileIsExitTwoNamingTheProblem(String yaml, String message) throws Exception {
        Path rules = Files.writeString(Files.createTempFile(dir, "rules", ".yaml"), yaml + "\n");
        Result r = check(db, "--rules", rules.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("error: " + message.replace("RULES", rules.toString()));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutRulesOrWithABadOptionValueItIsAUsageError() {
        assertThat(check(db).exitCode()).isEqualTo(2);
        Result r = check(db, "--min-success-rate", "120");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: option --min-success-rate: '120' is not a percent from 0 to 100");
    }

    @ParameterizedTest(name = "as {0}")
    @CsvSource({"table, txt", "json, json", "csv, csv", "markdown, md"})
    void aRulesFileGivesExactlyTheExpectedOutput(String format, String extension) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules-" + format + ".yaml"), """
                min_success_rate: {apply_workflow: 50, docker_workflow: 90}
                max_failure_rate: 50
                max_median_duration: 1m
                no_regression: true
                min_runs: 2
                """);
        Result r = CliRun.withDb(db).run("check", "--rules", rules.toString(), "--format", format);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).isEmpty();
        Golden.assertMatches("insights/check." + extension, r.out());
    }

    @Test
    void theSummaryListsAFlaggedRegression() {
        Result r = CliRun.withDb(regressed).run("report", "summary", "--format", "json");
        assertThat(r.out()).contains("\n  \"versions\": [\n    {\"tool\": \"terraform\", \"version\": \"1.1.0\", \"runs\": 30,"
                + " \"success_rate\": 50.00, \"ci_low\": 33.15, \"ci_high\": 66.85, \"compared_to\": \"1.0.0\"}\n  ],\n");
        Result versions = CliRun.withDb(regressed).run("report", "versions", "--format", "csv");
        assertThat(versions.out()).contains(",1.1.0,30,15,50.00,33.15,66.85,50.00,1000,").contains(",true,1.0.0\r\n");
    }
}
