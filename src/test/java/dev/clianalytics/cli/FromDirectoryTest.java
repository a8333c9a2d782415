package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report … --from DIR and export --from DIR read a directory of Parquet folders (export --snapshot,
 * or the Spark job's output) and print exactly what they print on the database (docs/report.md).
 */
class FromDirectoryTest {
    @TempDir
    static Path dir;

    static Path db;
    static Path snap;

    @BeforeAll
    static void snapshotOfTheSamples() {
        db = dir.resolve("samples.duckdb");
        snap = dir.resolve("snap");
        ok(CliRun.withDb(db).run("ingest", "samples/events.jsonl", "samples/segment.jsonl"));
        ok(CliRun.withDb(db).run("infer"));
        Result r = ok(CliRun.withDb(db).run("export", "--snapshot", "--to", snap.toString()));
        assertThat(r.err()).startsWith("wrote 20 tables (");
    }

    private static Result ok(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private static Result from(Path source, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--from");
        all.add(source.toString());
        return CliRun.withDb(null).run(all.toArray(String[]::new));
    }

    private static void assertSameOutput(Path source, String... args) {
        Result onDb = ok(CliRun.withDb(db).run(args));
        Result onDir = ok(from(source, args));
        assertThat(onDir.out()).as(String.join(" ", args)).isEqualTo(onDb.out());
        assertThat(onDir.err()).as(String.join(" ", args)).isEqualTo(onDb.err());
    }

    @Test
    void everyReportPrintsTheSameFromTheSnapshotAsFromTheDatabase() {
        List<List<String>> reports = List.of(List.of("summary"), List.of("workflow", "apply_workflow"), List.of("hot-paths"),
                List.of("errors"), List.of("trends"), List.of("variants"), List.of("versions"), List.of("graph"),
                List.of("funnel"), List.of("funnel", "auth"), List.of("privacy"));
        for (List<String> report : reports) {
            for (String format : List.of("table", "json", "csv")) {
                List<String> args = new ArrayList<>(List.of("report"));
                args.addAll(report);
                args.addAll(List.of("--format", format));
                assertSameOutput(snap, args.toArray(String[]::new));
            }
        }
        assertSameOutput(snap, "report", "summary", "--tool", "terraform", "--exclude-ci", "--min-cohort", "3");
        assertSameOutput(snap, "report", "graph", "--format", "mermaid");
        assertSameOutput(snap, "check", "--min-success-rate", "50", "--max-failure-rate", "apply_workflow=40");
    }

    @Test
    void theHtmlPageAndTheExportsAreTheSame() throws Exception {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        ok(CliRun.withDb(db).run("report", "html", "-o", a.toString()));
        ok(from(snap, "report", "html", "-o", b.toString()));
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));

        Path e1 = dir.resolve("export-db");
        Path e2 = dir.resolve("export-from");
        ok(CliRun.withDb(db).run("export", "--to", e1.toString(), "-q"));
        ok(from(snap, "export", "--to", e2.toString(), "-q"));
        try (Stream<Path> files = Files.list(e1)) {
            for (Path f : files.sorted().toList()) {
                assertThat(Files.readString(e2.resolve(f.getFileName()))).as(f.getFileName().toString())
                        .isEqualTo(Files.readString(f));
            }
        }
        assertThat(ok(from(snap, "export", "sessions", "--to", "-", "--format", "jsonl")).out())
                .isEqualTo(ok(CliRun.withDb(db).run("export", "sessions", "--to", "-", "--format", "jsonl")).out());
    }

    @Test
    void withoutTheAggregatesTheReportsComputeThemWithInfersSql() throws Exception {
        Path bare = dir.resolve("bare");
        copy(snap, bare);
        for (String aggregate : List.of("hot_paths_fingerprint", "hot_paths_ngram", "summary_totals", "workflow_stats",
                "version_counts")) {
            delete(bare.resolve(aggregate));
        }
        Files.delete(bare.resolve("_cli_analytics.json"));
        assertSameOutput(bare, "report", "summary", "--format", "json");
        assertSameOutput(bare, "report", "hot-paths");
    }

    @Test
    void badDirectoriesAreNamedWithWhatIsWrong() throws Exception {
        Result missing = from(dir.resolve("nope"), "report", "summary");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).contains("no directory " + dir.resolve("nope") + " (--from)");

        Result file = from(db, "report", "summary");
        assertThat(file.exitCode()).isEqualTo(4);
        assertThat(file.err()).contains("is a file, not a directory").contains("a database file goes to --db");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result noEvents = from(empty, "report", "summary");
        assertThat(noEvents.exitCode()).isEqualTo(4);
        assertThat(noEvents.err()).contains("holds no events/ folder");

        Path noInfer = dir.resolve("no-infer");
        copy(snap, noInfer);
        delete(noInfer.resolve("infer_runs"));
        Result notInferred = from(noInfer, "report", "summary");
        assertThat(notInferred.exitCode()).isEqualTo(1);
        assertThat(notInferred.err()).contains("holds no infer_runs/ folder");

        Path narrow = dir.resolve("narrow");
        copy(snap, narrow);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * EXCLUDE (ended_at) FROM read_parquet('" + snap.resolve("sessions/data.parquet")
                    + "')) TO '" + narrow.resolve("sessions/data.parquet") + "' (FORMAT parquet)");
        }
        Result noColumn = from(narrow, "report", "summary");
        assertThat(noColumn.exitCode()).as(noColumn.toString()).isNotZero();
        assertThat(noColumn.err()).contains(narrow + "/sessions/ has no column ended_at");

        Result both = CliRun.withDb(db).run("report", "summary", "--from", snap.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--from DIR and --db FILE name two sources of the tables: give one");

        Path newer = dir.resolve("newer");
        copy(snap, newer);
        Files.writeString(newer.resolve("_cli_analytics.json"), "{\"schema_version\": 999}");
        Result refused = from(newer, "report", "summary");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).contains("was written by a newer cli-analytics (schema 999");

        Result again = CliRun.withDb(db).run("export", "--snapshot", "--to", snap.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists; pass --force to replace it (nothing was written)");
        Result mixed = CliRun.withDb(db).run("export", "--snapshot", "--to", snap.toString(), "events", "--format", "csv");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("it takes none of events, --format csv");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path path) throws Exception {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
