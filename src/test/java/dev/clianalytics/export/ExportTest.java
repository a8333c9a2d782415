package dev.clianalytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.cli.ExitCodes;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    /** A checksum of each table over columns that survive every format as text. */
    private static final Map<String, String> CHECKED = Map.of(
            "events", "event_key || tool_name || coalesce(exit_code::VARCHAR, '') || coalesce(error_type, '')"
                    + " || coalesce(error_source, '') || coalesce(http_status::VARCHAR, '')",
            "sessions", "session_id::VARCHAR || actor_hash || split_reason || event_count::VARCHAR",
            "workflow_runs", "workflow_run_id::VARCHAR || workflow_name || outcome || fingerprint || duration_ms::VARCHAR",
            "workflow_steps", "workflow_run_id::VARCHAR || position::VARCHAR || step_with_flags || coalesce(ngram3, '')",
            "hot_paths_fingerprint", "rank::VARCHAR || fingerprint || failure_count::VARCHAR || workflow_name",
            "hot_paths_ngram", "rank::VARCHAR || ngram || occurrence_count::VARCHAR || coalesce(top_error_type, '')");

    @TempDir
    Path dir;

    Path db;

    @BeforeEach
    void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    @Test
    void parquetCsvAndJsonRoundTripEveryTableWithTheSameRowsAndChecksum() throws Exception {
        for (String format : new String[] {"parquet", "csv", "json"}) {
            Path out = dir.resolve("out-" + format);
            Result r = CliRun.withDb(db).run("export", "--to", out.toString(), "--format", format);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).contains("wrote ").contains("events." + (format.equals("json") ? "jsonl" : format) + " (18 rows)");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), readOnly());
                    Statement st = c.createStatement()) {
                for (var table : CHECKED.entrySet()) {
                    String file = out.resolve(table.getKey() + "." + (format.equals("json") ? "jsonl" : format)).toString();
                    String reader = switch (format) {
                        case "parquet" -> "read_parquet('" + file + "')";
                        case "csv" -> "read_csv('" + file + "', header = true)";
                        default -> "read_json('" + file + "')";
                    };
                    String sql = "SELECT count(*), sum(hash(" + table.getValue() + ")) FROM ";
                    assertThat(row(st, sql + reader)).as(format + " " + table.getKey()).isEqualTo(row(st, sql + table.getKey()));
                }
            }
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    private static String row(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getObject(2);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void namedTablesOnlyAndTheDirectoryIsCreated() {
        Path out = dir.resolve("a/b");
        Result r = CliRun.withDb(db).run("export", "workflow_runs", "--to", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(out.resolve("workflow_runs.csv")).exists();
        assertThat(out.toFile().list()).containsExactly("workflow_runs.csv");
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("sessions.csv"), "mine");
        Result r = CliRun.withDb(db).run("export", "events", "sessions", "--to", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(r.err()).contains(out.resolve("sessions.csv").toString()).contains("--force");
        assertThat(Files.readString(out.resolve("sessions.csv"))).isEqualTo("mine");
        assertThat(out.resolve("events.csv")).doesNotExist();

        Result forced = CliRun.withDb(db).run("export", "events", "sessions", "--to", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(out.resolve("sessions.csv"))).startsWith("session_id,");
    }

    @Test
    void anUnknownTableIsAUsageErrorListingTheValidNames() {
        Result r = CliRun.withDb(db).run("export", "evnts", "--to", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown table 'evnts'").contains("events, flow_events, actor_links, sign_ins, sessions,"
                + " workflow_runs, workflow_steps, hot_paths_fingerprint, hot_paths_ngram");
    }

    @Test
    void derivedTablesNeedACurrentInferUnderStrictButEventsDoNot(@TempDir Path other) throws Exception {
        db = FixtureDb.ingest(other);
        Result derived = CliRun.withDb(db).run("export", "sessions", "--to", dir.resolve("o1").toString(), "--strict");
        assertThat(derived.exitCode()).as(derived.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(derived.err()).contains("infer has not run");
        Result events = CliRun.withDb(db).run("export", "events", "--to", dir.resolve("o2").toString(), "--strict");
        assertThat(events.exitCode()).as(events.toString()).isZero();
        assertThat(events.err()).doesNotContain("infer");
    }

    @Test
    void derivedTablesAreInferredFirstWhenInferNeverRan(@TempDir Path other) throws Exception {
        db = FixtureDb.ingest(other);
        Result derived = CliRun.withDb(db).run("export", "sessions", "--to", dir.resolve("o1").toString());
        assertThat(derived.exitCode()).as(derived.toString()).isZero();
        assertThat(derived.err()).startsWith("infer has not run on this database yet: inferring with the built-in"
                + " settings (session timeout 30m, default workflows)\n");
        assertThat(Files.readAllLines(dir.resolve("o1/sessions.csv"))).hasSize(1 + 5);
    }

    @Test
    void dashIsStandardOutputForExactlyOneTable() throws Exception {
        Path out = dir.resolve("files");
        assertThat(CliRun.withDb(db).run("export", "sessions", "--to", out.toString()).exitCode()).isZero();
        Result r = CliRun.withDb(db).run("export", "sessions", "--to", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(out.resolve("sessions.csv")));
        assertThat(r.err()).isEmpty();
        assertThat(Path.of("-")).as("no directory named '-'").doesNotExist();

        for (String[] args : new String[][] {{"export", "--to", "-"}, {"export", "events", "sessions", "--to", "-"}}) {
            Result refused = CliRun.withDb(db).run(args);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err()).startsWith("error: --to - writes one table to standard output: name exactly one"
                    + " (e.g. 'export sessions --to -'), not " + (args.length == 3 ? "all 9" : "2"));
            assertThat(refused.out()).isEmpty();
        }
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void timestampsAreIsoUtcWithZInCsvAndJsonAndTypedInParquet() throws Exception {
        String csv = CliRun.withDb(db).run("export", "events", "--to", "-").out();
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",2026-01-10T09:00:00Z,terraform,");
        String json = CliRun.withDb(db).run("export", "workflow_runs", "--to", "-", "--format", "jsonl").out();
        assertThat(json.lines().findFirst().orElseThrow())
                .contains("\"started_at\":\"2026-01-10T10:00:00Z\",\"ended_at\":\"2026-01-10T10:00:33Z\"");
        Path out = dir.resolve("pq");
        assertThat(CliRun.withDb(db).run("export", "events", "--to", out.toString(), "--format", "parquet").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT typeof(ts) FROM read_parquet('" + out.resolve("events.parquet") + "') LIMIT 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        }
    }

    @Test
    void eventsCarryTheirErrorSourceAndHttpStatus() {
        List<String> csv = CliRun.withDb(db).run("export", "events", "--to", "-").out().lines().toList();
        assertThat(csv.get(0)).endsWith(",source_format,error_source,http_status");
        assertThat(csv).filteredOn(l -> l.contains("StateLockError")).singleElement().asString().endsWith(",native,api,409");
        assertThat(csv).filteredOn(l -> l.contains("DaemonError")).singleElement().asString().endsWith(",native,network,");
    }

    @Test
    void jsonlIsTheFormatsNameAndJsonTheSame() throws Exception {
        Result jsonl = CliRun.withDb(db).run("export", "hot_paths_ngram", "--to", "-", "--format", "jsonl");
        Result json = CliRun.withDb(db).run("export", "hot_paths_ngram", "--to", "-", "--format", "JSON");
        assertThat(jsonl.exitCode()).as(jsonl.toString()).isZero();
        assertThat(json.out()).isEqualTo(jsonl.out()).startsWith("{\"rank\":1,");
        Result xml = CliRun.withDb(db).run("export", "events", "--to", "-", "--format", "xml");
        assertThat(xml.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(xml.err()).startsWith("error: Invalid value for option '--format': expected csv, jsonl (or json),"
                + " parquet or xes, not 'xml'");
    }

    @Test
    void theReportFiltersSelectRowsAsInTheReports() throws Exception {
        String[] filters = {"--tool", "Terraform", "--since", "2026-01-10 09:30", "--until", "2026-01-10T14:00:00Z"};
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), readOnly());
                Statement st = c.createStatement()) {
            String runs = "SELECT workflow_run_id FROM workflow_runs WHERE tool_name = 'terraform'"
                    + " AND started_at >= '2026-01-10T09:30:00Z' AND started_at < '2026-01-10T14:00:00Z'";
            Map<String, String> expected = Map.of(
                    "events", "SELECT count(*) FROM events WHERE tool_name = 'terraform'"
                            + " AND ts >= '2026-01-10T09:30:00Z' AND ts < '2026-01-10T14:00:00Z'",
                    "sessions", "SELECT count(*) FROM sessions WHERE list_contains(tools, 'terraform')"
                            + " AND started_at >= '2026-01-10T09:30:00Z' AND started_at < '2026-01-10T14:00:00Z'",
                    "workflow_runs", "SELECT count(*) FROM (" + runs + ")",
                    "workflow_steps", "SELECT count(*) FROM workflow_steps WHERE workflow_run_id IN (" + runs + ")");
            for (var table : expected.entrySet()) {
                List<String> args = new ArrayList<>(List.of("export", table.getKey(), "--to", "-", "--format", "jsonl"));
                args.addAll(List.of(filters));
                Result r = CliRun.withDb(db).run(args.toArray(String[]::new));
                assertThat(r.exitCode()).as(r.toString()).isZero();
                long rows = r.out().lines().count();
                assertThat(rows).as(table.getKey()).isEqualTo(count(st, table.getValue()))
                        .isPositive().isLessThan(count(st, "SELECT count(*) FROM " + table.getKey()));
                if (!table.getKey().equals("workflow_steps")) {
                    assertThat(r.out()).contains("terraform").doesNotContain("docker");
                }
            }
        }
        Result ci = CliRun.withDb(db).run("export", "events", "--to", "-", "--exclude-ci");
        assertThat(ci.out().lines().skip(1)).hasSize(15).noneMatch(l -> l.contains(",true,"));
    }

    @Test
    void theHotPathTablesAreWrittenWholeAndSaySo() throws Exception {
        Result whole = CliRun.withDb(db).run("export", "hot_paths_fingerprint", "--to", "-");
        Result filtered = CliRun.withDb(db).run("export", "hot_paths_fingerprint", "--to", "-", "--tool", "docker");
        assertThat(filtered.exitCode()).as(filtered.toString()).isZero();
        assertThat(filtered.out()).isEqualTo(whole.out());
        assertThat(filtered.err()).isEqualTo("note: hot_paths_fingerprint has no time, tool or CI column: written whole"
                + " (report hot-paths ranks the runs a filter keeps)\n");
        assertThat(whole.err()).isEmpty();
        Result unknown = CliRun.withDb(db).run("export", "events", "--to", "-", "--tool", "gradle");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(unknown.err()).startsWith("error: no tool named 'gradle'; known tools: docker, npm, terraform");
    }
}
