package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same simulated activity written as native, PostHog and Segment events, each ingested into
 * its own database and inferred, gives the same sessions, workflow runs and outcomes (SPEC §4.4).
 * Actors are compared by their first appearance: a stitched group is named by its smallest hash,
 * which is an anonymous id's hash in a foreign database and the person's in the native one.
 */
class ForeignFormatsEndToEndTest {
    @TempDir
    Path dir;

    // Sessions and runs, actor relabelled by first appearance. last_error_type is left out: the older
    // Segment catalog sends no error text (docs/formats.md).
    private static final String SESSIONS = """
            WITH actors AS (
                SELECT actor_hash, dense_rank() OVER (ORDER BY min(started_at), min(machine_hash)) AS actor
                FROM sessions GROUP BY actor_hash)
            SELECT a.actor, s.machine_hash, s.session_hint_hash, s.ci_detected, s.split_reason,
                   s.started_at, s.ended_at, s.event_count, s.tools
            FROM sessions s JOIN actors a USING (actor_hash)
            ORDER BY s.machine_hash, s.started_at, a.actor""";
    private static final String RUNS = """
            WITH actors AS (
                SELECT actor_hash, dense_rank() OVER (ORDER BY min(started_at), min(machine_hash)) AS actor
                FROM sessions GROUP BY actor_hash)
            SELECT a.actor, r.machine_hash, r.ci_detected, r.tool_name, r.tool_version, r.workflow_name,
                   r.outcome, r.started_at, r.ended_at, r.duration_ms, r.step_count, r.fingerprint,
                   r.last_exit_code, r.recovered, r.time_to_recover_ms
            FROM workflow_runs r JOIN actors a USING (actor_hash)
            ORDER BY r.machine_hash, r.started_at, r.workflow_name""";

    @Test
    void nativePostHogAndSegmentGiveTheSameSessionsRunsAndOutcomes() throws Exception {
        Map<String, List<List<String>>> sessions = new LinkedHashMap<>();
        Map<String, List<List<String>>> runs = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, String> flows = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String format : List.of("native", "posthog", "segment")) {
            Path events = dir.resolve(format + ".jsonl");
            Path db = dir.resolve(format + ".duckdb");
            CliRun cli = CliRun.withDb(db);
            assertThat(cli.run("generate", "--events", "3000", "--seed", "11", "--format", format, "-o", events.toString())
                    .exitCode()).isZero();
            // Segment goes through standard input: generate --format segment | ingest -
            CliRun.Result ingest = format.equals("segment")
                    ? cli.stdin(Files.readString(events)).run("ingest", "-")
                    : cli.run("ingest", events.toString());
            assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
            CliRun.Result infer = cli.run("infer");
            assertThat(infer.exitCode()).as(infer.toString()).isZero();
            try (Database d = Database.openReadOnly(db, DbSettings.defaults())) {
                sessions.put(format, rows(d, SESSIONS));
                runs.put(format, rows(d, RUNS));
                links.put(format, rows(d, "SELECT count(*) FROM actor_links").get(0).get(0));
                flows.put(format, rows(d, "SELECT count(*) FROM flow_events").get(0).get(0));
                sources.put(format, rows(d, "SELECT DISTINCT source_format FROM events").toString());
            }
        }
        assertThat(sessions.get("native")).hasSizeGreaterThan(100);
        assertThat(runs.get("native")).hasSizeGreaterThan(100);
        assertThat(runs.get("native")).extracting(r -> r.get(6)).contains("SUCCESS", "FAILED");
        assertThat(sessions.get("posthog")).containsExactlyElementsOf(sessions.get("native"));
        assertThat(sessions.get("segment")).containsExactlyElementsOf(sessions.get("native"));
        assertThat(runs.get("posthog")).containsExactlyElementsOf(runs.get("native"));
        assertThat(runs.get("segment")).containsExactlyElementsOf(runs.get("native"));
        assertThat(sources).containsExactly(Map.entry("native", "[[native]]"), Map.entry("posthog", "[[posthog]]"),
                Map.entry("segment", "[[segment]]"));
        assertThat(links.get("native")).isEqualTo("0");
        assertThat(Long.parseLong(links.get("posthog"))).isPositive();
        assertThat(links.get("segment")).isEqualTo(links.get("posthog"));
        assertThat(flows.get("posthog")).isEqualTo("0");
        assertThat(Long.parseLong(flows.get("segment"))).isPositive();
    }

    private static List<List<String>> rows(Database d, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = d.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }
}
