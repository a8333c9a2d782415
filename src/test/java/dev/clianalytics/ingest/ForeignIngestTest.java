package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostHog and Segment lines through the real ingest command (SPEC §4.4, docs/formats.md). */
class ForeignIngestTest {
    @TempDir
    Path dir;

    private static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static final String PH_OK = j("{'event':'CLI execution succeeded','distinct_id':'anon-1','timestamp':'2026-03-02T10:00:00Z',"
            + "'uuid':'u-1','properties':{'command_name':'toolkit.list','tool_name':'arcade','cli_version':'1.2.3','duration':12.4,"
            + "'machine_id':'laptop'}}");
    private static final String PH_FAILED = j("{'event':'CLI execution failed','distinct_id':'principal-1','timestamp':'2026-03-02T10:01:00Z',"
            + "'uuid':'u-2','properties':{'command_name':'deploy','tool_name':'arcade','error_message':'cannot read /home/ann/key.pem',"
            + "'machine_id':'laptop'}}");
    private static final String PH_ALIAS = j("{'event':'$create_alias','distinct_id':'principal-1','properties':{'alias':'anon-1'}}");

    @Test
    void postHogLinesAreStoredLinkedAndTheOtherEventsCountedByName() throws Exception {
        Path file = Lines.write(dir.resolve("ph.jsonl"), List.of(PH_OK, j("{'event':'$pageview','distinct_id':'x'}"), PH_ALIAS,
                PH_FAILED, j("{'api_key':'phc_k','batch':[{'event':'$autocapture'},{'event':'$pageview'}]}")));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("ignored 3 events of other kinds ($pageview 2, $autocapture 1)\n")
                .contains(": 6 records in 5 lines: 2 events stored, 0 flow events, 1 identity link, 3 ignored, 0 duplicates,"
                        + " 0 rejected in ");
        assertThat(Db.rows(db, "SELECT source_format, tool_name, command_path, exit_code, duration_ms, error_type FROM events ORDER BY ts"))
                .containsExactly("posthog | arcade | [arcade, toolkit, list] | 0 | 12 | null",
                        "posthog | arcade | [arcade, deploy] | 1 | null | cannot read <path>");
        assertThat(Db.one(db, "SELECT count(*) FROM actor_links l JOIN events a ON a.actor_hash IN (l.actor_hash, l.linked_hash)"))
                .isEqualTo("2");
        assertThat(Db.one(db, "SELECT format || ' ' || ignored FROM ingest_runs")).isEqualTo("auto 3");
        assertThat(String.join("\n", Db.snapshot(db))).doesNotContain("anon-1", "principal-1", "laptop", "/home/ann");
    }

    @Test
    void segmentFlowEventsKeepOnlySafePropertiesAndLifecycleRejectsNameTheirLine() throws Exception {
        String head = "{'type':'track','anonymousId':'anon-7','context':{'app':{'name':'grout','version':'1.0.0'},'device':{'id':'dev-7'}},";
        Path file = Lines.write(dir.resolve("sg.jsonl"), List.of(
                j(head + "'event':'Command Invoked','messageId':'m1','timestamp':'2026-06-04T10:00:00Z','properties':{'invocation_id':'i1','command':'login'}}"),
                j(head + "'event':'CLI Auth Failed','messageId':'m2','timestamp':'2026-06-04T10:00:01Z','properties':{'invocation_id':'i1',"
                        + "'flow':'login','step':'callback','contact':'ann@example.com','detail':'token ghp_abcdefghijklmnopqrstuvwxyz0123456789'}}"),
                j(head + "'event':'Command Completed','messageId':'m3','timestamp':'2026-06-04T10:00:02Z','properties':{'invocation_id':'i1',"
                        + "'exit_code':1,'duration_ms':2000}}"),
                j(head + "'event':'Command Completed','messageId':'m4','timestamp':'2026-06-04T10:00:02Z','properties':{'invocation_id':'i9',"
                        + "'exit_code':0}}"),
                j("{'type':'page','userId':'B','name':'Home'}")));
        Path db = dir.resolve("db.duckdb");
        Path rejects = dir.resolve("rejects.jsonl");

        Result r = CliRun.withDb(db).run("ingest", file.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("missing_field:command_invoked +1  " + file + ":4\n")
                .contains("ignored 1 event of other kinds (page 1)\n")
                .contains(": 5 records in 5 lines: 1 event stored, 1 merged into their invocation, 1 flow event,"
                        + " 0 identity links, 1 ignored, 0 duplicates, 1 rejected in ");
        assertThat(Db.rows(db, "SELECT source_format, command_path, exit_code, duration_ms FROM events"))
                .containsExactly("segment | [grout, login] | 1 | 2000");
        assertThat(Db.rows(db, "SELECT event_name, tool_name, tool_version, properties FROM flow_events"))
                .containsExactly("CLI Auth Failed | grout | 1.0.0 | {\"flow\":\"login\",\"step\":\"callback\"}");
        assertThat(Files.readString(rejects)).contains("missing_field:command_invoked").contains("\"line\":4");
    }

    @Test
    void theFormatSettingsComeFromTheWorkflowsFileAndAreValidated() throws Exception {
        Path file = Lines.write(dir.resolve("ph.jsonl"), List.of(j("{'event':'command ran','distinct_id':'a','timestamp':'2026-03-02T10:00:00Z',"
                + "'properties':{'cmd':'db.migrate'}}")));
        Path settings = Files.writeString(dir.resolve("workflows.yaml"),
                "entry_commands: [init]\nposthog:\n  default_tool: acme\n  success_events: [command ran]\n  properties:\n    command: cmd\n");
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString(), "--workflows", settings.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.rows(db, "SELECT command_path FROM events")).containsExactly("[acme, db, migrate]");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "segment:\n  invoked: [x]\n");
        Result wrong = CliRun.withDb(db).run("ingest", file.toString(), "--workflows", bad.toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("error: workflows file " + bad + ", line 2: unknown key 'segment.invoked' (expected ");
    }

    @Test
    void foreignLinesGoToTheirReaderWhichRejectsWhatItCannotMap() throws Exception {
        Path file = Lines.write(dir.resolve("e.jsonl"), List.of(
                "{\"event\":\"CLI execution succeeded\",\"distinct_id\":\"u1\",\"properties\":{}}",
                "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Command Invoked\"}",
                Lines.event("")));
        Result r = CliRun.withDb(dir.resolve("db.duckdb")).run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("missing_field:timestamp +1  " + file + ":1\n")
                .containsPattern("missing_field:invocation_id +1  " + file + ":2\n")
                .contains(": 3 records in 3 lines: 1 event stored, 0 flow events, 0 identity links, 0 ignored, 0 duplicates,"
                        + " 2 rejected in ");
        Result forced = CliRun.withDb(dir.resolve("db2.duckdb")).run("ingest", "--format", "segment", file.toString());
        assertThat(forced.err()).containsPattern("missing_field:type +1  " + file + ":3\n");
    }

    @Test
    void postHogBatchesWhoseEventsSayTypeCaptureAreDetectedAsPostHog() throws Exception {
        Path file = Lines.write(dir.resolve("e.jsonl"), List.of(
                j("{'batch':[{'type':'capture','event':'CLI execution succeeded','distinct_id':'a','timestamp':'2026-03-02T10:00:00Z',"
                        + "'properties':{'command_name':'status'}},{'type':'capture','event':'$pageview','distinct_id':'a'}]}")));
        Path db = dir.resolve("db.duckdb");
        Result r = CliRun.withDb(db).run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("ignored 1 event of other kinds ($pageview 1)\n");
        assertThat(Db.rows(db, "SELECT source_format, command_path FROM events")).containsExactly("posthog | [cli, status]");
    }

    @Test
    void segmentRequestBodiesOfTheSharedFixturesIngestWithoutRejects() throws Exception {
        String shared = System.getProperty("shared.dir");
        Path fixtures = shared == null ? null : Path.of(shared, "fixtures", "segment");
        org.junit.jupiter.api.Assumptions.assumeTrue(fixtures != null && Files.isDirectory(fixtures),
                "shared fixtures not found: skipped");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = new java.util.ArrayList<>();
        try (var files = Files.list(fixtures)) {
            for (Path f : files.sorted().toList()) {
                lines.add(json.readTree(f.toFile()).toString());
            }
        }
        Path file = Lines.write(dir.resolve("segment.jsonl"), lines);
        Path db = dir.resolve("db.duckdb");
        Result r = CliRun.withDb(db).run("ingest", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("ignored 4 events of other kinds (group 1, identify 1, page 1, screen 1)\n")
                // nine Download calls, but only two distinct messageIds: a repeat with the same content is a
                // duplicate, one with other content (another version or time) a conflict
                .contains(": 14 records in 12 lines: 0 events stored, 2 flow events, 1 identity link, 4 ignored, 3 duplicates,"
                        + " 4 conflicts, 0 rejected in ");
        assertThat(Db.rows(db, "SELECT event_name, tool_name, tool_version, properties, source_format FROM flow_events"))
                .containsExactly("Download | cli | 1.1.0 | {\"platform\":\"osx\"} | segment",
                        "Download | cli | 1.1.0 | {\"platform\":\"osx\"} | segment");
    }
}
