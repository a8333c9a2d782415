package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy ledger: each ingest run counts what every privacy rule did (no values); report privacy prints it. */
class PrivacyLedgerTest {
    @TempDir
    Path dir;

    private static final String COUNTERS = "ids_hashed, flag_values_dropped, secret_flags_dropped, malformed_flags_dropped,"
            + " redacted_url, redacted_path, redacted_email, redacted_ip, redacted_token, words_redacted, unknown_fields";

    private Path ingestTwoRuns() throws Exception {
        Path first = Lines.write(dir.resolve("a.jsonl"), List.of(
                // 3 ids; 1 word redacted; 2 flag values (one of a secret flag), 1 secret flag, 1 malformed; one of
                // each placeholder; 1 unknown field
                "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"deploy\",\"command_path\":[\"deploy\",\"run\",\"Some Thing!\"],"
                        + "\"flags_present\":[\"--target=prod\",\"--token=abc\",\"--1bad\",\"--verbose\"],\"exit_code\":1,"
                        + "\"error_type\":\"open /home/x/f failed for bob@example.com at 10.0.0.1 key AKIAZ7Q4R2T6Y8U0I3O5 see https://x.example/y\","
                        + "\"actor_id\":\"alice\",\"machine_id\":\"laptop\",\"session_hint\":\"ci-1\",\"note\":\"n\",\"sequence\":1}",
                // 2 ids, 1 flag value
                "{\"timestamp\":\"2026-03-01T10:01:00Z\",\"tool_name\":\"deploy\",\"command_path\":[\"deploy\",\"run\"],"
                        + "\"flags_present\":[\"--output:json\"],\"actor_id\":\"bob\",\"machine_id\":\"desk\",\"sequence\":2}"));
        Path second = Lines.write(dir.resolve("b.jsonl"), List.of(Lines.event("\"sequence\":3")));
        Path db = dir.resolve("ledger.duckdb");
        for (Path f : List.of(first, second)) {
            // the rare-word rule on: --target, --verbose (alice), --output (bob), then plan (alice) held back
            Result r = CliRun.withDb(db).env("CLI_ANALYTICS_REVEAL_AT", null).run("ingest", f.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        return db;
    }

    @Test
    void eachIngestRunCountsWhatEveryRuleDid() throws Exception {
        Path db = ingestTwoRuns();
        assertThat(Db.rows(db, "SELECT run_id, " + COUNTERS + " FROM ingest_runs ORDER BY run_id")).containsExactly(
                "1 | 5 | 3 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1",
                "2 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0");
    }

    @Test
    void reportPrivacyPrintsTheTotalsAndEveryRunInEachFormat() throws Exception {
        Path db = ingestTwoRuns();
        Result json = CliRun.withDb(db).run("report", "privacy", "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("totals").toString()).isEqualTo("{\"ids_hashed\":7,\"flag_values_dropped\":3,"
                + "\"secret_flags_dropped\":1,\"malformed_flags_dropped\":1,\"redacted_url\":1,\"redacted_path\":1,"
                + "\"redacted_email\":1,\"redacted_ip\":1,\"redacted_token\":1,\"words_redacted\":1,\"words_held_back\":4,\"words_revealed\":0,"
                + "\"properties_dropped\":1,\"words_taken_back\":0}");
        assertThat(doc.get("ingest_runs")).hasSize(2);
        assertThat(doc.get("ingest_runs").get(1).get("ids_hashed").asLong()).isEqualTo(2);

        Result csv = CliRun.withDb(db).run("report", "privacy", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out().replace("\r\n", "\n")).startsWith("section,ids_hashed,flag_values_dropped,secret_flags_dropped,malformed_flags_dropped,"
                + "redacted_url,redacted_path,redacted_email,redacted_ip,redacted_token,words_redacted,words_held_back,words_revealed,properties_dropped,words_taken_back\n"
                + "totals,7,3,1,1,1,1,1,1,1,1,4,0,1,0\n");

        for (String format : List.of("table", "markdown")) {
            Result r = CliRun.withDb(db).run("report", "privacy", "--format", format);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("ids hashed").contains("token>").contains("Per ingest run");
            // counts only: no value of the input reaches the ledger
            assertThat(r.out() + json.out() + csv.out()).doesNotContain("AKIAZ7Q4R2T6Y8U0I3O5").doesNotContain("prod")
                    .doesNotContain("Some Thing");
        }
    }

    @Test
    void aGraphFormatIsAUsageError() throws Exception {
        Path db = ingestTwoRuns();
        Result r = CliRun.withDb(db).run("report", "privacy", "--format", "dot");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("this report's formats: table, json, csv, markdown");
    }
}
