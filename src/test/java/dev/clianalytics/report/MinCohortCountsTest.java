package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --min-cohort (docs/report.md, "Small cohorts") of the reports that count each row's own actors:
 * errors' totals and fix paths, the flow graph, the funnel list and the summary's regressed releases.
 * report/cohort-errors.jsonl: "Error acquiring the state lock" failed deploy runs of 5 actors (4
 * recovered), "Error: permission denied" build runs of 3 (2 recovered), "Error: no space left on
 * device" one test run of 1 (recovered). report/cohort-releases.jsonl: terraform 1.1.0 regressed, run
 * by 6 actors, docker 25.0 regressed, run by 2.
 */
class MinCohortCountsTest {
    @TempDir
    static Path dir;

    static Path errors;

    static Path releases;

    @BeforeAll
    static void fixtures() throws Exception {
        errors = FixtureDb.create(Files.createDirectories(dir.resolve("errors")), "report/cohort-errors.jsonl");
        releases = FixtureDb.create(Files.createDirectories(dir.resolve("releases")), "report/cohort-releases.jsonl");
    }

    private static String run(Path db, String... args) {
        Result r = CliRun.withDb(db).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out().replace("\r", "");
    }

    private static String upTo(String text, String end) {
        return text.substring(0, text.indexOf(end));
    }

    /**
     * K=2 hides the one-actor error; naive suppression would leave 9 - 5 - 3 = 1 failed run for it, so
     * permission denied (3 actors, the fewest shown) goes too. Its one fix path (2 actors) is its
     * recovered count: hidden with it. The totals are judged by the failed runs' actors (9); the
     * recovery rate also by those who recovered (7) and who did not (2).
     */
    @Test
    void errorsTotalsAndFixPathsAreJudgedByTheirOwnActors() {
        assertThat(upTo(run(errors, "report", "errors", "--min-cohort", "2", "--format", "csv"), "section,session"))
                .isEqualTo("section,failed_runs,recovered_runs,recovery_rate,ci_share\n"
                        + "totals,9,7,77.78,0.00\n\n"
                        + "section,error_type,failed_runs,actors,recovered,recovery_rate,median_ms_to_recover,"
                        + "p90_ms_to_recover,ci_share,versions\n"
                        + "errors,Error acquiring the state lock,5,5,4,80.00,60000,60000,0.00,\n"
                        + "errors,Error: permission denied,<2,<2,<2,<2,<2,<2,<2,\n"
                        + "errors,Error: no space left on device,<2,<2,<2,<2,<2,<2,<2,\n\n"
                        + "section,error_type,rank,runs,fix_path\n"
                        + "fix_paths,Error acquiring the state lock,1,4,mytool/deploy\n"
                        + "fix_paths,Error: permission denied,1,<2,mytool/build\n"
                        + "fix_paths,Error: no space left on device,1,<2,mytool/test\n\n");
        String json = run(errors, "report", "errors", "--min-cohort", "3", "--format", "json");
        assertThat(json).startsWith("{\n  \"failed_runs\": 9,\n  \"recovered_runs\": 7,\n  \"recovery_rate\": null,\n"
                + "  \"ci_share\": 0.00,\n  \"suppressed\": true,\n")
                .endsWith("\"min_cohort\": 3,\n  \"suppressed_cells\": 17\n}\n");
    }

    /**
     * Each node and edge by its own actors. test (1 actor) is hidden, so build (3) too: start's 16 runs
     * less deploy's 9 and build's 5 would give test's 2. A node's events are the pairs into it and out
     * of it: start -> build goes with build, build -> end:FAILED with test -> end:FAILED (end:FAILED's
     * 9 less deploy's 5).
     */
    @Test
    void graphNodesAndEdgesAreJudgedByTheirOwnActors() {
        String csv = run(errors, "report", "graph", "--min-cohort", "3", "--format", "csv");
        assertThat(upTo(csv, "section,session")).isEqualTo("section,workflow_name,min_count,dropped_edges,dropped_nodes\n"
                + "overview,,1,0,0\n\n"
                + "section,step,count,failures\n"
                + "nodes,start,16,0\nnodes,mytool/deploy,9,5\nnodes,mytool/build,<3,<3\nnodes,mytool/test,<3,<3\n"
                + "nodes,end:SUCCESS,7,0\nnodes,end:FAILED,9,0\n\n"
                + "section,from,to,count,median_ms\n"
                + "edges,start,mytool/deploy,9,\nedges,mytool/deploy,end:FAILED,5,\nedges,start,mytool/build,<3,\n"
                + "edges,mytool/deploy,end:SUCCESS,4,\nedges,mytool/build,end:FAILED,<3,\n"
                + "edges,mytool/build,end:SUCCESS,<3,\nedges,start,mytool/test,<3,\nedges,mytool/test,end:FAILED,<3,\n"
                + "edges,mytool/test,end:SUCCESS,<3,\n\n");
        assertThat(csv).endsWith("small_cohorts,3,10\n");
        // its html page counts the graph's hidden values, not the summary's, which the page does not show
        assertThat(run(errors, "report", "graph", "--min-cohort", "3", "--format", "html")).contains("\"suppressed_cells\" : 10,");
        // a suppressed node keeps its name and is not shaded; a suppressed edge is dashed, without numbers
        assertThat(run(errors, "report", "graph", "--min-cohort", "3", "--format", "dot"))
                .contains("  n2 [label=\"mytool/build\\n<3 events\", fillcolor=\"#ffffff\", fontcolor=\"#000000\"];\n")
                .contains("  n0 -> n1 [label=\"9\", penwidth=5.0];\n")
                .contains("  n0 -> n2 [label=\"<3\", style=dashed, penwidth=1.0];\n");
        assertThat(run(errors, "report", "graph", "--min-cohort", "3", "--format", "mermaid"))
                .contains("  n3[\"mytool/test<br/>#lt;3 events\"]\n  style n3 fill:#ffffff,color:#000000\n")
                .contains("  n0 -->|\"9\"| n1\n").contains("  n0 -.->|\"#lt;3\"| n3\n");
        // how many edges --min-count dropped is judged by the actors of the runs drawn (1 here)
        assertThat(run(errors, "report", "graph", "test_workflow", "--min-count", "2", "--min-cohort", "3", "--format",
                "mermaid")).startsWith("%% Flow graph of test_workflow: 2 nodes, 1 edge (<3 rarer edges dropped)\n");
    }

    /**
     * Each funnel by the fewest of its attempts' actors and its completed, failed and not completed
     * ones' (generated Segment events, seed 7: auth's 5 attempts that did not complete are 5 actors'),
     * so the list hides nothing `funnel auth` shows and shows nothing it hides. A funnel without an
     * attempt in scope is nobody's: its zeros are shown.
     */
    @Test
    void eachListedFunnelIsJudgedAsFunnelNameJudgesItsTotals() {
        Path events = dir.resolve("segment-7.jsonl");
        Path funnels = dir.resolve("funnels-7.duckdb");
        assertThat(CliRun.withDb(null).run("generate", "--format", "segment", "--events", "3000", "--seed", "7", "-o",
                events.toString()).exitCode()).isZero();
        run(funnels, "-q", "ingest", events.toString());
        assertThat(upTo(run(funnels, "report", "funnel", "--min-cohort", "6", "--format", "csv"), "\n\n")).isEqualTo(
                "section,funnel,steps,window_ms,attempts,completed,failed_attempts,conversion_rate\n"
                        + "funnels,auth,4,3600000,<6,<6,<6,<6\n"
                        + "funnels,application_create,2,3600000,106,74,32,69.81\n"
                        + "funnels,plan_upgrade,3,3600000,<6,<6,<6,<6\n"
                        + "funnels,plan_downgrade,3,3600000,<6,<6,<6,<6");
        assertThat(run(funnels, "report", "funnel", "auth", "--min-cohort", "6", "--format", "json"))
                .contains("  \"conversion_rate\": null,\n");
        assertThat(upTo(run(funnels, "report", "funnel", "--min-cohort", "5", "--format", "csv"), "\n\n"))
                .contains("funnels,auth,4,3600000,45,40,0,88.89\n");
        // one hidden row next to funnels without an attempt: their zeros tell nothing, none goes as its complement
        assertThat(upTo(run(funnels, "report", "funnel", "--tool", "kubectl", "--min-cohort", "30", "--format", "csv"),
                "\n\n")).isEqualTo("section,funnel,steps,window_ms,attempts,completed,failed_attempts,conversion_rate\n"
                        + "funnels,auth,4,3600000,0,0,0,\nfunnels,application_create,2,3600000,<30,<30,<30,<30\n"
                        + "funnels,plan_upgrade,3,3600000,0,0,0,\nfunnels,plan_downgrade,3,3600000,0,0,0,");
        assertThat(run(funnels, "report", "funnel", "--until", "2000-01-01", "--min-cohort", "5", "--format", "json"))
                .contains("{\"funnel\": \"auth\", \"steps\": 4, \"window_ms\": 3600000, \"attempts\": 0, \"completed\": 0,"
                        + " \"failed_attempts\": 0, \"conversion_rate\": null, \"suppressed\": false}")
                .endsWith("\"suppressed_cells\": 0\n}\n");
    }

    /** Each regressed release by its own actors: docker 25.0 (2) is hidden, terraform 1.1.0 (6) as its complement. */
    @Test
    void regressedReleasesAreJudgedByTheirOwnActors() {
        String title = "Releases that regressed (report versions has them all)\n"
                + "  tool       version  runs  success  95% low  95% high  compared to\n"
                + "  ---------  -------  ----  -------  -------  --------  -----------\n";
        String summary = run(releases, "report", "summary", "--min-cohort", "3");
        assertThat(summary.substring(summary.indexOf("Releases that"), summary.indexOf("\n\nComputed by"))).isEqualTo(title
                + "  docker     25.0       <3       <3       <3        <3  24.0\n"
                + "  terraform  1.1.0      <3       <3       <3        <3  1.0.0");
        String two = run(releases, "report", "summary", "--min-cohort", "2");
        assertThat(two.substring(two.indexOf("Releases that"), two.indexOf("\n\nComputed by"))).isEqualTo(title
                + "  docker     25.0       30      50%    33.2%     66.9%  24.0\n"
                + "  terraform  1.1.0      30      50%    33.2%     66.9%  1.0.0");
    }

    /** K=1 (the terminal default) counts no actor and writes what the reports wrote before the option. */
    @Test
    void oneChangesNothing() {
        for (String[] report : new String[][] {{"errors"}, {"graph"}, {"summary"}, {"funnel"}}) {
            for (String format : new String[] {"json", "table", "mermaid"}) {
                if (format.equals("mermaid") && !report[0].equals("graph")) {
                    continue;
                }
                String plain = run(errors, "report", report[0], "--format", format);
                assertThat(run(errors, "report", report[0], "--format", format, "--min-cohort", "1")).isEqualTo(plain)
                        .doesNotContain("suppressed").doesNotContain("Small cohorts");
            }
        }
    }
}
