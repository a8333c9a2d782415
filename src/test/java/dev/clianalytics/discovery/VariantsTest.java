package dev.clianalytics.discovery;

import static dev.clianalytics.discovery.DiscoveryFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.Golden;
import dev.clianalytics.support.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `report variants`: exact rows for hand-made runs (retries, single steps, every outcome), collapse on and off. */
class VariantsTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = DiscoveryFixture.create(dir);
    }

    @Test
    void variantsAreRankedByRunsThenBySequenceWithSuccessRateAndMedianOfSuccesses() {
        // rank, fingerprint, runs, share, success_rate, median_duration_ms (SUCCESS runs only: null without one)
        assertThat(csv(db, "variants", "report", "variants", "apply_workflow")).containsExactly(
                "variants,1,terraform/apply,2,28.57,100.00,30000",
                "variants,2,terraform/init -> terraform/apply,1,14.29,0.00,",
                "variants,3,terraform/init -> terraform/plan -> terraform/plan -> terraform/plan -> terraform/apply,1,14.29,"
                        + "100.00,250000",
                "variants,4,terraform/init -> terraform/plan[-out] -> terraform/apply,1,14.29,100.00,130000",
                "variants,5,terraform/plan -> terraform/apply,1,14.29,0.00,",
                "variants,6,terraform/plan -> terraform/plan -> terraform/apply,1,14.29,0.00,");
        assertThat(csv(db, "other", "report", "variants", "apply_workflow")).containsExactly("other,0,0,0.00,,");
        assertThat(csv(db, "coverage", "report", "variants", "apply_workflow")).containsExactly("coverage,100.00");
    }

    @Test
    void theRowsAfterTopAreOneOtherRowAndCoverageIsTheShareShown() {
        assertThat(csv(db, "variants", "report", "variants", "apply_workflow", "--top", "3")).hasSize(3);
        // ben (SUCCESS, 130000), gus (IN_PROGRESS) and cat (FAILED)
        assertThat(csv(db, "other", "report", "variants", "apply_workflow", "--top", "3"))
                .containsExactly("other,3,3,42.86,33.33,130000");
        assertThat(csv(db, "coverage", "report", "variants", "apply_workflow", "--top", "3"))
                .containsExactly("coverage,57.14");
    }

    @Test
    void collapsingRetriesFoldsConsecutiveRepeatsIntoOneStepWithItsCount() {
        assertThat(csv(db, "variants", "report", "variants", "apply_workflow", "--collapse-retries")).containsExactly(
                "variants,1,terraform/apply,2,28.57,100.00,30000",
                "variants,2,terraform/init -> terraform/apply,1,14.29,0.00,",
                "variants,3,terraform/init -> terraform/plan ×3 -> terraform/apply,1,14.29,100.00,250000",
                "variants,4,terraform/init -> terraform/plan[-out] -> terraform/apply,1,14.29,100.00,130000",
                "variants,5,terraform/plan -> terraform/apply,1,14.29,0.00,",
                "variants,6,terraform/plan ×2 -> terraform/apply,1,14.29,0.00,");
    }

    @Test
    void withoutAWorkflowEachWorkflowHasItsVariantCountAndTopVariant() {
        assertThat(csv(db, "workflows", "report", "variants"))
                .containsExactly("workflows,apply_workflow,7,6,2,28.57,terraform/apply");
    }

    @Test
    void filtersApplyToTheRuns() {
        assertThat(csv(db, "variants", "report", "variants", "apply_workflow", "--since", "2026-03-01T11:00:00Z"))
                .containsExactly("variants,1,terraform/plan -> terraform/apply,1,100.00,0.00,");
    }

    @Test
    void anUnknownWorkflowIsAnErrorNamingTheClosestOnes() {
        CliRun.Result r = CliRun.withDb(db).run("report", "variants", "aply_workflow");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: no workflow named 'aply_workflow'; closest: apply_workflow\n");
    }

    @Test
    void aGraphFormatIsAUsageErrorNamingTheFormatsTheReportHas() {
        CliRun.Result r = CliRun.withDb(db).run("report", "variants", "apply_workflow", "--format", "dot");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --format dot draws a graph, which only 'report graph' has;"
                + " this report's formats: table, json, csv, markdown\n");
        assertThat(CliRun.withDb(db).run("report", "summary", "--format", "mermaid").exitCode()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"table, txt", "json, json", "csv, csv", "markdown, md"})
    void everyFormatGivesExactlyTheReviewedOutput(String format, String extension) throws Exception {
        CliRun.Result r = CliRun.withDb(db).run("report", "variants", "apply_workflow", "--top", "3",
                "--collapse-retries", "--format", format);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Golden.assertMatches("discovery/variants." + extension, r.out());
    }
}
