package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** error_source and http_status from native, Segment and PostHog lines to the stored row (SPEC §3, §4.1). */
class ErrorSourceIngestTest {
    @TempDir
    Path dir;

    private static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static String failed(int sequence, String fields) {
        return Lines.event("\"sequence\":" + sequence + ",\"exit_code\":1" + (fields.isEmpty() ? "" : "," + fields));
    }

    @Test
    void nativeFieldsAreStoredWhenTheRulesAllowAndAreNotUnknownFields() throws Exception {
        Path file = Lines.write(dir.resolve("n.jsonl"), List.of(
                failed(1, "\"error_source\":\"api\",\"http_status\":404"),
                failed(2, "\"error_source\":\" Network \",\"http_status\":\"503\""),
                failed(3, "\"error_source\":\"user\""),
                failed(4, "\"error_source\":\"alice@example.com\",\"http_status\":\"ghp_abcdefghijklmnopqrstuvwxyz0123\""),
                failed(5, "\"error_source\":7,\"http_status\":700,\"os_type\":\"linux\""),
                failed(6, "\"error_source\":null,\"http_status\":404.0"),
                failed(7, "")));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.rows(db, "SELECT sequence, error_source, http_status FROM events ORDER BY sequence")).containsExactly(
                "1 | api | 404", "2 | network | 503", "3 | user | null", "4 | null | null", "5 | null | null",
                "6 | null | null", "7 | null | null");
        assertThat(Db.one(db, "SELECT unknown_fields FROM ingest_runs")).isEqualTo("1");
        assertThat(String.join("\n", Db.snapshot(db))).doesNotContain("alice@example.com", "ghp_");
    }

    @Test
    void theStoredValuesDecideBetweenDuplicateAndConflict() throws Exception {
        Path db = dir.resolve("db.duckdb");
        String id = "\"event_id\":\"e1\",";
        Path first = Lines.write(dir.resolve("a.jsonl"), List.of(failed(1, id + "\"error_source\":\"api\",\"http_status\":404")));
        Path second = Lines.write(dir.resolve("b.jsonl"), List.of(
                failed(1, id + "\"error_source\":\"API\",\"http_status\":\"404\""), // stored alike: a duplicate
                failed(1, id + "\"error_source\":\"api\",\"http_status\":500"),    // another status: a conflict
                failed(1, id + "\"error_source\":\"api\"")));                      // no status: a conflict
        CliRun.withDb(db).run("ingest", first.toString());

        Result r = CliRun.withDb(db).run("ingest", second.toString());

        assertThat(r.err()).as(r.toString()).contains("0 events stored, 1 duplicate, 2 conflicts, 0 rejected");
        assertThat(Db.rows(db, "SELECT error_source, http_status FROM events")).containsExactly("api | 404");
    }

    @Test
    void contentKeysWithoutTheFieldsAreUnchangedSoEarlierFilesStillDeduplicate() throws Exception {
        Path db = dir.resolve("db.duckdb");
        Path plain = Lines.write(dir.resolve("a.jsonl"), List.of(failed(1, ""), failed(2, "\"error_source\":\"api\"")));
        CliRun.withDb(db).run("ingest", plain.toString());

        Result r = CliRun.withDb(db).run("ingest", plain.toString());

        assertThat(r.err()).as(r.toString()).contains("0 events stored, 2 duplicates, 0 rejected");
        assertThat(Db.rows(db, "SELECT sequence, error_source FROM events ORDER BY sequence")).containsExactly("1 | null", "2 | api");
    }

    @Test
    void segmentCommandFailedAndCommandCompletedCarryThem() throws Exception {
        String head = "{'type':'track','userId':'u1','context':{'app':{'name':'grout','version':'1.0.0'},'device':{'id':'d1'}},";
        Path file = Lines.write(dir.resolve("sg.jsonl"), List.of(
                j(head + "'event':'Command Invoked','messageId':'m1','timestamp':'2026-06-04T10:00:00Z','properties':{'invocation_id':'i1','command':'deploy'}}"),
                j(head + "'event':'Command Failed','messageId':'m2','timestamp':'2026-06-04T10:00:01Z','properties':{'invocation_id':'i1',"
                        + "'error_class':'auth_expired','error_source':'API','http_status':401}}"),
                j(head + "'event':'Command Completed','messageId':'m3','timestamp':'2026-06-04T10:00:02Z','properties':{'invocation_id':'i1',"
                        + "'exit_code':1,'duration_ms':2000,'error_source':'cli','http_status':500}}"),
                j(head + "'event':'Command Invoked','messageId':'m4','timestamp':'2026-06-04T10:01:00Z','properties':{'invocation_id':'i2','command':'push'}}"),
                j(head + "'event':'Command Completed','messageId':'m5','timestamp':'2026-06-04T10:01:02Z','properties':{'invocation_id':'i2',"
                        + "'exit_code':1,'error_source':'network','http_status':'502'}}"),
                j(head + "'event':'Command Invoked','messageId':'m6','timestamp':'2026-06-04T10:02:00Z','properties':{'invocation_id':'i3','command':'logs'}}"),
                j(head + "'event':'Command Failed','messageId':'m7','timestamp':'2026-06-04T10:02:01Z','properties':{'invocation_id':'i3',"
                        + "'error_class':'boom','error_source':{'nested':true},'http_status':'not a status'}}")));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.rows(db, "SELECT command_path, exit_code, error_type, error_source, http_status FROM events ORDER BY ts"))
                .containsExactly("[grout, deploy] | 1 | auth_expired | api | 401",
                        "[grout, push] | 1 | null | network | 502",
                        "[grout, logs] | 1 | boom | null | null");
    }

    @Test
    void postHogFailuresCarryThemUnderTheSameNames() throws Exception {
        Path file = Lines.write(dir.resolve("ph.jsonl"), List.of(j("{'event':'CLI execution failed','distinct_id':'p1',"
                + "'timestamp':'2026-03-02T10:01:00Z','uuid':'u-2','properties':{'command_name':'deploy','tool_name':'arcade',"
                + "'error_message':'denied','error_source':'api','http_status':403}}")));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.rows(db, "SELECT error_type, error_source, http_status FROM events")).containsExactly("denied | api | 403");
    }
}
