package dev.clianalytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.Db;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the Spark job and the database together (docs/scale.md, "Spark job"): on generated data
 * (gzip and plain, with malformed lines) and a file of edge cases (byte order mark, CRLF, a blank
 * line, a duplicate, a conflict, content-keyed duplicates, a last line without its newline), the
 * job's tables equal ingest's and infer's row for row with the same salt, timestamps included.
 */
class SparkEquivalenceTest {
    static final String SALT = "spark-equivalence-salt";
    /** What Spark needs opened on Java 17 (bin/cli-analytics-spark passes the same). */
    static final List<String> ADD_OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref",
            "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    @TempDir
    static Path dir;
    static Path db;
    static Path out;
    static String jobLog;

    @BeforeAll
    static void ingestAndRunTheJob() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path first = in.resolve("a-generated.jsonl.gz");
        Path second = in.resolve("b-generated.jsonl");
        Path third = in.resolve("c-edges.jsonl");
        CliRun plain = CliRun.withDb(null);
        assertThat(plain.run("generate", "--events", "2500", "--bad-lines", "0.02", "-o", first.toString()).exitCode()).isZero();
        assertThat(plain.run("generate", "--events", "800", "--seed", "7", "-o", second.toString()).exitCode()).isZero();
        try (InputStream edges = SparkEquivalenceTest.class.getResourceAsStream("/spark/edges.jsonl")) {
            Files.copy(edges, third);
        }
        // PostHog and Segment: the samples (aliases, identify calls, sign-ins, batches, flow events,
        // lifecycle calls merged), generated files with malformed lines, and a batch line of more
        // events than a line's 4,096 positions (the file's later lines move up)
        Files.copy(Path.of("samples/posthog.jsonl"), in.resolve("d-posthog.jsonl"));
        Files.copy(Path.of("samples/segment.jsonl"), in.resolve("e-segment.jsonl"));
        assertThat(plain.run("generate", "--format", "posthog", "--events", "600", "--bad-lines", "0.03", "--seed", "5", "-o",
                in.resolve("f-posthog.jsonl.gz").toString()).exitCode()).isZero();
        assertThat(plain.run("generate", "--format", "segment", "--events", "600", "--bad-lines", "0.03", "--seed", "6", "-o",
                in.resolve("g-segment.jsonl").toString()).exitCode()).isZero();
        Files.writeString(in.resolve("h-batch.jsonl"), bigBatch(4100) + "\n" + bigBatch(2) + "\n");
        // a Windows file (its first MiB holds a CR): CRLF ends a line, a lone CR reads as a space, in a
        // string too (ingest copies such a file so); the last line ends in a lone CR
        String crlf = "{\"timestamp\":\"2026-03-06T09:00:00Z\",\"tool_name\":\"helm\",\"command_path\":[\"helm\",\"install\"],"
                + "\"actor_id\":\"ivy\",\"machine_id\":\"w1\",\"exit_code\":1,\"error_type\":\"chart\rnot found\"}";
        Files.writeString(in.resolve("i-windows.jsonl"), crlf + "\r\n" + crlf.replace("09:00", "09:05").replace("\r", "\r\r")
                + "\r\n\r\n" + crlf.replace("09:00", "09:10") + "\r");
        List<String> inputs = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(in)) {
            files.sorted().forEach(f -> inputs.add(f.toString()));
        }
        db = dir.resolve("db/cli-analytics.duckdb");
        Files.createDirectories(db.getParent());
        // settings of their own, read by ingest and infer beside the database and given to the job
        Path settings = Files.writeString(db.resolveSibling("cli-analytics.yaml"), String.join("\n",
                "session_timeout: 20m", "workflows:", "  workflow_names:", "    - {tool: Docker, terminal: build, name: image_build}",
                "funnels:", "  - name: ship", "    steps:", "      - command: [terraform, plan]",
                "      - command: [terraform, apply]", "        outcome: success", "    window: 2h", ""));
        // the rare-word rule at its default (k = 2) on both sides
        CliRun.Result ingest = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", SALT).env("CLI_ANALYTICS_REVEAL_AT", null)
                .run(java.util.stream.Stream.concat(Stream.of("ingest", "--rejects", dir.resolve("rejects.jsonl").toString()),
                        inputs.stream()).toArray(String[]::new));
        assertThat(ingest.exitCode()).as(ingest.toString()).isIn(0, 3);
        CliRun.Result infer = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", SALT).run("infer");
        assertThat(infer.exitCode()).as(infer.toString()).isZero();

        out = dir.resolve("out");
        List<String> jvm = new ArrayList<>();
        for (String p : ADD_OPENS) {
            jvm.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        jvm.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-Dspark.sql.shuffle.partitions=8", "-Xmx1g"));
        Path log = dir.resolve("job.log");
        ProcessBuilder pb = ChildJvm.builder(SparkJob.class, jvm, Map.of("CLI_ANALYTICS_SALT", SALT), dir,
                "--input", in.toUri() + "*.jsonl*", "--output", out.toString(), "--settings", settings.toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process job = pb.start();
        boolean ended = job.waitFor(180, TimeUnit.SECONDS);
        jobLog = Files.readString(log);
        if (!ended) {
            job.destroyForcibly();
        }
        assertThat(ended && job.exitValue() == 0).as(jobLog).isTrue();
    }

    /** A PostHog batch body of {@code n} command events of one actor, a second apart, keyed by their content. */
    private static String bigBatch(int n) {
        StringBuilder b = new StringBuilder("{\"api_key\":\"phc_test\",\"batch\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"event\":\"CLI execution succeeded\",\"distinct_id\":\"batcher\",")
                    .append("\"timestamp\":\"").append(java.time.Instant.parse("2026-03-04T10:00:00Z").plusSeconds(i + n))
                    .append("\",\"properties\":{\"command_name\":\"status\",\"tool_name\":\"git\",\"$device_id\":\"b1\"}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void eventsEqualTheDatabasesRowForRow() {
        // 2,450 generated lines without the 2% malformed, 800 more, 13 of edges.jsonl's 19 (a blank line, 3 rejects,
        // a duplicate, a conflict), its latest still IN_PROGRESS; the PostHog and Segment files' command events
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("9332");
        assertSameRows("events", "event_key::UUID AS event_key");
        assertThat(Db.rows(db, "SELECT source_format || ' ' || count(*) FROM events GROUP BY source_format ORDER BY 1"))
                .containsExactly("native 3266", "posthog 5084", "segment 982");
        // h-batch.jsonl: its first line holds 4,100 events, 4 past its share, so line 2 starts 4 positions later
        assertThat(Db.rows(db, "SELECT ingest_seq - (7::BIGINT << 40) FROM events WHERE tool_name = 'git'"
                + " AND ts < '2026-03-04T10:00:10Z' ORDER BY 1")).containsExactly("8196", "8197");
    }

    @Test
    void flowEventsLinksAndSignInsEqualTheDatabasesRowForRow() {
        assertThat(Db.one(db, "SELECT (SELECT count(*) FROM flow_events) || ' ' || (SELECT count(*) FROM actor_links) || ' '"
                + " || (SELECT count(*) FROM sign_ins)")).isEqualTo("70 29 37");
        assertSameRows("flow_events", "properties::JSON AS properties");
        assertSameRows("actor_links", null);
        assertSameRows("sign_ins", null);
    }

    @Test
    void sessionsEqualTheDatabasesRowForRow() {
        assertThat(Db.one(db, "SELECT count(*) FILTER (split_reason = 'hint_change') || ' ' || count(*) FROM sessions"))
                .matches("[1-9][0-9]* [1-9][0-9]{2,}");
        assertSameRows("sessions", null);
    }

    @Test
    void workflowRunsEqualTheDatabasesRowForRow() {
        assertThat(Db.rows(db, "SELECT DISTINCT outcome FROM workflow_runs ORDER BY 1"))
                .containsExactly("ABANDONED", "FAILED", "IN_PROGRESS", "SUCCESS");
        assertThat(Db.one(db, "SELECT count(*) FILTER (recovered) > 0 FROM workflow_runs")).isEqualTo("true");
        // the name rule: the most frequent terminal command, ties to the first (edges.jsonl, erin's
        // runs); docker's build runs have the settings' custom name
        assertThat(Db.rows(db, "SELECT DISTINCT fingerprint || ' | ' || workflow_name FROM workflow_runs"
                + " WHERE fingerprint IN ('npm/test -> npm/build -> npm/test', 'docker/build -> docker/push') ORDER BY 1"))
                .containsExactly("docker/build -> docker/push | image_build", "npm/test -> npm/build -> npm/test | test_workflow");
        assertSameRows("workflow_runs", null);
    }

    @Test
    void stepsEqualTheDatabasesRowForRowThroughTheirTriples() {
        // the triple keys are each engine's own (infer packs step ids, the job hashes names): the
        // rows they join are compared, as the view workflow_steps joins them
        String joined = "SELECT r.* EXCLUDE (triple_key), t.* EXCLUDE (triple_key) FROM %s AS r JOIN %s AS t USING (triple_key)";
        String database = joined.formatted("workflow_step_rows", "workflow_step_triples");
        String job = joined.formatted(parquet("workflow_step_rows"), parquet("workflow_step_triples"));
        assertThat(Db.one(db, "SELECT count(*) FROM (" + job + ")")).isEqualTo(Db.one(db, "SELECT count(*) FROM events"));
        assertThat(Db.one(db, "SELECT count(*) FILTER (ngram3 IS NOT NULL) > 0 AND count(*) FILTER (gap_us > 0) > 0 FROM ("
                + database + ")")).isEqualTo("true");
        assertThat(Db.rows(db, database + " EXCEPT ALL " + job)).isEmpty();
        assertThat(Db.rows(db, job + " EXCEPT ALL " + database)).isEmpty();
        assertThat(Db.one(db, "SELECT count(*) FROM " + parquet("workflow_step_triples")))
                .isEqualTo(Db.one(db, "SELECT count(DISTINCT triple_key) FROM " + parquet("workflow_step_triples")));
    }

    @Test
    void runRecordsEqualTheDatabasesButForTheirOwnTimes() {
        assertSameRecord("ingest_runs", "started_at, finished_at");
        assertThat(Db.one(db, "SELECT concat_ws(' ', rejected, duplicates, conflicts, unknown_fields, flag_values_dropped"
                + " > 0, secret_flags_dropped > 0, redacted_path > 0, words_held_back > 0, words_revealed > 0)"
                + " FROM ingest_runs")).isEqualTo("88 2 1 222 true true true true true");
        assertSameRecord("infer_runs", "started_at, finished_at");
        assertThat(Db.one(db, "SELECT session_timeout_ms || ' ' || workflows_file FROM " + parquet("infer_runs")))
                .isEqualTo("1200000 cli-analytics.yaml");
    }

    @Test
    void reportsReadTheJobsOutputAsTheDatabase() {
        for (List<String> report : List.of(List.of("summary"), List.of("hot-paths", "--format", "json"),
                List.of("workflow", "test_workflow"), List.of("workflow", "image_build"), List.of("funnel", "auth"),
                List.of("funnel", "ship", "--format", "json"), List.of("errors"), List.of("versions"))) {
            List<String> args = new ArrayList<>(List.of("report"));
            args.addAll(report);
            CliRun.Result onDb = CliRun.withDb(db).env("CLI_ANALYTICS_SALT", SALT).run(args.toArray(String[]::new));
            args.addAll(List.of("--from", out.toString()));
            CliRun.Result onJob = CliRun.withDb(null).run(args.toArray(String[]::new));
            assertThat(onJob.exitCode()).as(onJob.toString()).isZero();
            assertThat(onJob.out()).as(String.join(" ", report)).isEqualTo(onDb.out());
        }
    }

    @Test
    void funnelsEqualTheDatabasesRowForRow() {
        assertThat(Db.rows(db, "SELECT funnel || ' ' || count(*) || ' ' || count_if(outcome = 'completed') FROM funnel_attempts"
                + " GROUP BY funnel ORDER BY 1")).containsExactly("application_create 21 16", "auth 7 7", "ship 600 284");
        assertSameRows("funnels", null);
        assertSameRows("funnel_steps", null);
        assertSameRows("funnel_attempts", "properties::JSON AS properties");
        assertSameRows("funnel_drop_off_commands", null);
    }

    @Test
    void ingestFilesEqualTheDatabasesRowForRow() {
        assertThat(Db.rows(db, "SELECT file_name || ' ' || conflicts || ' ' || duplicates FROM ingest_files ORDER BY file_index"))
                .containsExactly("a-generated.jsonl.gz 0 0", "b-generated.jsonl 0 0", "c-edges.jsonl 1 2", "d-posthog.jsonl 0 0",
                        "e-segment.jsonl 0 0", "f-posthog.jsonl.gz 0 0", "g-segment.jsonl 0 0", "h-batch.jsonl 0 0", "i-windows.jsonl 0 0");
        assertSameRows("ingest_files", null);
    }

    @Test
    void tablesHaveTheDatabasesColumnsAndTypes() {
        String columns = "SELECT column_name, column_type FROM (DESCRIBE %s)";
        for (String table : List.of("events", "sessions", "workflow_runs", "workflow_step_rows", "workflow_step_triples",
                "ingest_runs", "infer_runs", "ingest_files", "flow_events", "actor_links", "sign_ins", "funnels", "funnel_steps",
                "funnel_attempts", "funnel_drop_off_commands")) {
            List<String> database = Db.rows(db, columns.formatted(table));
            List<String> spark = Db.rows(db, columns.formatted("SELECT * FROM " + parquet(table)));
            // Parquet from Spark has no UUID, unsigned or JSON type: report --from casts them back
            assertThat(spark).as(table).isEqualTo(database.stream().map(c -> switch (c) {
                case "event_key | UUID" -> "event_key | VARCHAR";
                case "triple_key | UBIGINT" -> "triple_key | BIGINT";
                case "workflows_config | JSON", "funnels_config | JSON", "properties | JSON" -> c.replace("JSON", "VARCHAR");
                default -> c;
            }).toList());
        }
        assertThat(Db.rows(db, columns.formatted("events"))).contains("ts | TIMESTAMP WITH TIME ZONE", "http_status | SMALLINT");
    }

    /** The table and the job's folder hold the same rows, as many times each (EXCEPT ALL both ways). */
    private static void assertSameRows(String table, String replace) {
        String job = "SELECT *" + (replace == null ? "" : " REPLACE (" + replace + ")") + " FROM " + parquet(table);
        assertThat(Db.one(db, "SELECT count(*) FROM " + parquet(table))).isEqualTo(Db.one(db, "SELECT count(*) FROM " + table));
        assertThat(Db.rows(db, "SELECT * FROM " + table + " EXCEPT ALL " + job)).as(table).isEmpty();
        assertThat(Db.rows(db, job + " EXCEPT ALL SELECT * FROM " + table)).as(table).isEmpty();
    }

    /** The one row of a run record in the table and the job's folder, but for the columns that differ by nature (its own times). */
    private static void assertSameRecord(String table, String excluded) {
        String database = "SELECT * EXCLUDE (" + excluded + ") FROM " + table;
        String job = "SELECT * EXCLUDE (" + excluded + ") FROM " + parquet(table);
        assertThat(Db.one(db, "SELECT count(*) FROM " + parquet(table))).isEqualTo("1");
        assertThat(Db.rows(db, database + " EXCEPT ALL " + job)).as(table).isEmpty();
        assertThat(Db.rows(db, job + " EXCEPT ALL " + database)).as(table).isEmpty();
    }

    private static String parquet(String table) {
        return "read_parquet('" + out.resolve(table) + "/*.parquet')";
    }

    @Test
    void aWordOfOneActorIsATokenInEveryTableAndFile() throws IOException {
        // edges.jsonl: one actor's command word and flag name, below k = 2, stored as tokens on both sides
        String tokens = "SELECT command_path[2] || ' ' || flags_present[1] FROM %s WHERE tool_name = 'planted'";
        assertThat(Db.one(db, tokens.formatted(parquet("events")))).isEqualTo(Db.one(db, tokens.formatted("events")))
                .matches("~[0-9a-f]{12} ~[0-9a-f]{12}");
        try (java.util.stream.Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = f.toString().endsWith(".parquet")
                        ? String.join("\n", Db.rows(db, "SELECT t::VARCHAR FROM read_parquet('" + f + "') AS t"))
                        : Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain("zqplanted").doesNotContain("zq-planted");
            }
        }
        assertThat(jobLog).doesNotContain("zqplanted").doesNotContain("zq-planted");
    }

    @Test
    void rejectsNameTheLinesOfTheRejectsFile() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("rejects.jsonl"), StandardCharsets.UTF_8)) {
            expected.add(line.replaceAll("^\\{\"file\":\"[^\"]*/([^\"/]*)\",\"line\":(\\d+),\"reason\":\"([^\"]*)\".*$", "$1 | $2 | $3"));
        }
        List<String> actual = Db.rows(db, "SELECT regexp_extract(file, '[^/]*$') || ' | ' || line || ' | ' || reason"
                + " FROM read_json('" + out.resolve("rejects") + "/*.json')");
        assertThat(actual).hasSize(89).isEqualTo(expected)
                .contains("c-edges.jsonl | 4 | conflicting_event_id", "c-edges.jsonl | 7 | empty_command_path",
                        "c-edges.jsonl | 8 | bad_timestamp");
    }
}
