package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.HotPaths.Fingerprint;
import dev.clianalytics.report.HotPaths.Ngram;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hot paths as the demo data gives them (long error texts, long names) laid out at 60, 80 and 120
 * columns: names cut at the end, fingerprints from the front, error texts on their own line when
 * they would be cut beside the steps, and no line wider than the terminal.
 */
class TableWidthTest {
    private static final HotPaths DEMO_LIKE = new HotPaths(List.of(
            new Fingerprint(1, "docker/push", 44, "push_workflow", 37),
            new Fingerprint(2, "npm/run/build[--if-present,--prod]", 15, "build_workflow", 12),
            new Fingerprint(3, "terraform/init -> terraform/validate -> terraform/plan[--out]", 14,
                    "platform_team_terraform_rollout_workflow", 13)),
            List.of(
                    new Ngram(1, "npm/test", 1, 209, 1134, 89, "TimeoutError: connect to <url> timed out"),
                    new Ngram(2, "npm/install -> npm/test", 2, 168, 892, 75,
                            "Jest: a worker process has failed to exit gracefully"),
                    new Ngram(3, "terraform/validate -> terraform/plan", 2, 98, 801, 47,
                            "Error: Error acquiring the state lock: ConditionalCheckFailedException, lock held by <email>"),
                    new Ngram(4, "docker/push", 1, 82, 618, 64, null)));

    private static final InferInfo INFER = new InferInfo(1, Instant.parse("2026-03-31T08:00:00Z"), 1_800_000,
            Instant.parse("2026-03-31T07:55:35Z"), false, null, 1L, new InferInfo.Ingested(0, 0, 0, 0));

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 120})
    void hotPathsFitTheWidthAndKeepWhatCarriesMeaning(int width) throws Exception {
        StringWriter out = new StringWriter();
        ReportFormat.TABLE.renderer(width).render(Layouts.hotPaths(DEMO_LIKE, INFER, ReportFilter.NONE), out);
        assertThat(out.toString().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
        Golden.assertMatches("hot-paths-demo-" + width + ".txt", out.toString());
    }
}
