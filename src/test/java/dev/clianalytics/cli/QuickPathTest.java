package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.CliRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QuickPath (--version and reports without picocli's model, for start-up time) behaves exactly as picocli's
 * path: same stdout, stderr and exit code for every argument list, whether it takes them or not.
 */
class QuickPathTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    /** Argument lists QuickPath runs itself (after the --db of the fixture). */
    static final List<List<String>> TAKEN = List.of(
            List.of("report", "summary"),
            List.of("report", "hot-paths"),
            List.of("report", "hot-paths", "--top", "1"),
            List.of("report", "summary", "--format", "json"),
            List.of("report", "summary", "--format=CSV", "--top=2"),
            List.of("report", "summary", "--format", "Markdown", "--exclude-ci"),
            List.of("-q", "report", "summary", "--tool", "terraform"),
            List.of("-v", "report", "summary", "--since", "2026-03-02T12:00:00Z", "--until", "2026-03-03"),
            List.of("report", "hot-paths", "--since=2026-03-02", "--format", "json", "--quiet", "--verbose"),
            List.of("report", "summary", "--tool", "no-such-tool", "--format", "csv"),
            List.of("report", "summary", "--strict"),
            List.of("report", "hot-paths", "--no-refresh", "--top=3"),
            List.of("report", "funnel"),
            List.of("report", "funnel", "--format", "json"),
            List.of("report", "funnel", "auth", "--by", "version", "--format=csv"),
            List.of("report", "funnel", "--by=ci", "no_such_funnel"));

    /** Argument lists left to picocli: help, usage errors, unusual forms. */
    static final List<List<String>> LEFT = List.of(
            List.of("report", "summary", "--help"),
            List.of("report", "summary", "-h"),
            List.of("report", "summary", "--version"),
            List.of("report", "summary", "--top", "0"),
            List.of("report", "summary", "--top", "-1"),
            List.of("report", "summary", "--top", "007"),
            List.of("report", "summary", "--top", "x"),
            List.of("report", "summary", "--top", "1", "--top", "2"),
            List.of("report", "summary", "--format", "xml"),
            List.of("report", "summary", "--format"),
            List.of("report", "summary", "--since", "yesterday"),
            List.of("report", "summary", "--since", "2026-03-03", "--until", "2026-03-02"),
            List.of("report", "summary", "--exclude-ci=true"),
            List.of("report", "summary", "--tool", ""),
            List.of("report", "summary", "extra"),
            List.of("report", "summary", "--"),
            List.of("report", "summary", "-qv"),
            List.of("report", "--format", "json", "summary"),
            List.of("report", "-v", "summary"),
            List.of("report", "workflow", "deploy"),
            List.of("report", "summary", "--format", "dot"),
            List.of("report", "hot-paths", "--format=Mermaid"),
            List.of("report", "variants"),
            List.of("report", "graph", "--format", "mermaid"),
            List.of("report"),
            List.of("summary"),
            List.of("report", "report", "summary"),
            List.of("report", "summary", "@args.txt"),
            List.of("report", "summary", "--unknown"),
            List.of("report", "summary", "--no-refresh", "--strict"),
            List.of("report", "summary", "--strict=true"),
            List.of("report", "summary", "--wait"),
            List.of("report", "summary", "--wait", "5s"),
            List.of("report", "funnel", "auth", "plan_upgrade"),
            List.of("report", "funnel", "--by", "version"),
            List.of("report", "funnel", "auth", "--by", "to-plan"),
            List.of("report", "summary", "--by", "version"),
            List.of("report", "funnel", "auth", "--help"));

    @Test
    void takesThePlainReportCommandLinesAndLeavesTheRestToPicocli() {
        for (List<String> args : TAKEN) {
            assertThat(QuickPath.parse(withDb(args))).as(args.toString()).isNotNull();
        }
        for (List<String> args : LEFT) {
            assertThat(QuickPath.parse(withDb(args))).as(args.toString()).isNull();
        }
        assertThat(QuickPath.parse("report", "summary", "--db", "x.duckdb")).isNotNull();
        assertThat(QuickPath.parse("report", "summary")).isNotNull();
        assertThat(QuickPath.parse("--db", "a", "report", "summary", "--db", "b")).isNull();
        assertThat(QuickPath.parse("--db=", "report", "summary")).isNull();
    }

    @Test
    void printsExactlyWhatPicocliPrintsForEveryArgumentList() {
        List<List<String>> all = new ArrayList<>(TAKEN);
        all.addAll(LEFT);
        for (List<String> args : all) {
            Outcome quick = run(true, Map.of(), withDb(args));
            Outcome picocli = run(false, Map.of(), withDb(args));
            assertThat(quick).as(args.toString()).isEqualTo(picocli);
        }
    }

    @Test
    void failuresWhileTheReportRunsAreToldAsPicocliTellsThem() throws Exception {
        Path missing = dir.resolve("missing.duckdb");
        Path notDuckDb = Files.writeString(dir.resolve("not-a-db.duckdb"), "hello");
        for (String[] args : List.of(
                new String[] {"--db", missing.toString(), "report", "summary"},
                new String[] {"--db", notDuckDb.toString(), "report", "hot-paths", "-v"},
                new String[] {"report", "summary"})) {
            Map<String, String> env = Map.of("CLI_ANALYTICS_DB", missing.toString());
            assertThat(QuickPath.parse(args)).isNotNull();
            Outcome quick = run(true, env, args);
            assertThat(quick).isEqualTo(run(false, env, args));
            assertThat(quick.exitCode()).as(quick.toString()).isNotZero();
            assertThat(quick.err()).startsWith("error: ");
        }
        Map<String, String> badMemory = Map.of("CLI_ANALYTICS_MEMORY_LIMIT", "lots");
        String[] args = withDb(List.of("report", "summary"));
        assertThat(run(true, badMemory, args)).isEqualTo(run(false, badMemory, args));
    }

    @Test
    void versionIsPrintedAsPicocliPrintsIt() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"})) {
            Outcome quick = run(true, Map.of(), args);
            assertThat(quick).isEqualTo(run(false, Map.of(), args));
            assertThat(quick.out()).startsWith("cli-analytics ").endsWith(System.lineSeparator());
            assertThat(quick.exitCode()).isZero();
        }
        for (String[] args : List.of(new String[] {"--version", "--help"}, new String[] {"--db", "x", "--version"},
                new String[] {"-V", "report"}, new String[] {"--version=1"})) {
            assertThat(run(true, Map.of(), args)).as(String.join(" ", args)).isEqualTo(run(false, Map.of(), args));
        }
    }

    @Test
    void cliRunGoesThroughTheQuickPath() {
        CliRun.Result result = CliRun.withDb(db).run("report", "summary", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(run(false, Map.of(), withDb(List.of("report", "summary", "--format", "json"))).out());
    }

    private static String[] withDb(List<String> args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    /** What a run printed; the frames of a --verbose stack trace (the call paths differ) are left out. */
    record Outcome(int exitCode, String out, String err) {
        Outcome {
            err = err.replaceAll("(?m)^\\t(at |\\.\\.\\. ).*\\R", "");
        }
    }

    private static Outcome run(boolean quick, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT));
        env.putAll(extraEnv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
        int code = quick
                ? CommandLineFactory.run(env, Terminal.NONE, in, out, err, args)
                : CommandLineFactory.create(env, Terminal.NONE, in, out, err, args).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
