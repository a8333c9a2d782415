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

/** `report graph`: exact nodes and edges for hand-made runs, --min-count, every format. */
class GraphTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = DiscoveryFixture.create(dir);
    }

    @Test
    void nodesCountEventsAndFailuresStartAndEndsCountRuns() {
        assertThat(csv(db, "nodes", "report", "graph", "apply_workflow")).containsExactly(
                "nodes,start,7,0",
                "nodes,terraform/apply,7,1",
                "nodes,terraform/plan,7,3",
                "nodes,terraform/init,3,0",
                "nodes,end:SUCCESS,4,0",
                "nodes,end:FAILED,1,0",
                "nodes,end:ABANDONED,1,0",
                "nodes,end:IN_PROGRESS,1,0");
    }

    @Test
    void edgesCountConsecutiveEventsWithTheMedianGapFromOneEndToTheNextStart() {
        // plan -> apply: gaps of 55, 56, 59 and 59 s (median 57.5 s); repeats are self-loops
        assertThat(csv(db, "edges", "report", "graph")).containsExactly(
                "edges,terraform/apply,end:SUCCESS,4,",
                "edges,terraform/plan,terraform/apply,4,57500",
                "edges,start,terraform/init,3,",
                "edges,terraform/plan,terraform/plan,3,55000",
                "edges,start,terraform/apply,2,",
                "edges,start,terraform/plan,2,",
                "edges,terraform/init,terraform/plan,2,58000",
                "edges,terraform/apply,end:ABANDONED,1,",
                "edges,terraform/apply,end:FAILED,1,",
                "edges,terraform/apply,end:IN_PROGRESS,1,",
                "edges,terraform/init,terraform/apply,1,59000");
    }

    @Test
    void minCountDropsRarerEdgesAndTheNodesLeftWithoutOneAndSaysHowMany() {
        assertThat(csv(db, "edges", "report", "graph", "--min-count", "2")).hasSize(7);
        assertThat(csv(db, "nodes", "report", "graph", "--min-count", "2")).extracting(l -> l.split(",")[1])
                .containsExactly("start", "terraform/apply", "terraform/plan", "terraform/init", "end:SUCCESS");
        assertThat(csv(db, "overview", "report", "graph", "--min-count", "2")).containsExactly("overview,,2,4,3");
    }

    @Test
    void anUnknownWorkflowIsAnErrorNamingTheClosestOnes() {
        CliRun.Result r = CliRun.withDb(db).run("report", "graph", "apply", "--format", "mermaid");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: no workflow named 'apply'; closest: apply_workflow\n");
    }

    @Test
    void aMinCountBelowOneIsAUsageError() {
        CliRun.Result r = CliRun.withDb(db).run("report", "graph", "--min-count", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --min-count must be at least 1, not 0\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"table, txt", "json, json", "mermaid, mmd", "dot, dot", "csv, csv", "markdown, md"})
    void everyFormatGivesExactlyTheReviewedOutput(String format, String extension) throws Exception {
        CliRun.Result r = CliRun.withDb(db).run("report", "graph", "apply_workflow", "--format", format);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Golden.assertMatches("discovery/graph." + extension, r.out());
    }
}
