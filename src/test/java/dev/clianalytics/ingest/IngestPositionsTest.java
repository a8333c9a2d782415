package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest position is exact for any line, however many events a batch line holds (specification §4.2). */
class IngestPositionsTest {
    @TempDir
    Path dir;

    /** A PostHog /batch body of {@code n} command events, sequence 1..n, well under the 1 MiB line limit. */
    private static String batch(int n, String user) {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            events.add("{\"event\":\"CLI execution succeeded\",\"distinct_id\":\"" + user + "\",\"timestamp\":\"2026-03-01T10:00:00Z\","
                    + "\"properties\":{\"command_name\":\"plan\",\"sequence\":" + i + "}}");
        }
        return "{\"api_key\":\"k\",\"batch\":[" + String.join(",", events) + "]}";
    }

    @Test
    void aBatchLineOfFiveThousandEventsKeepsItsOrderAndTheNextLineComesAfterIt() throws Exception {
        Path db = dir.resolve("p.duckdb");
        Path in = Lines.write(dir.resolve("in.jsonl"), List.of(Lines.event("\"sequence\":0"), batch(5000, "u1"),
                Lines.event("\"sequence\":5001"), batch(4097, "u2"), Lines.event("\"sequence\":9999")));

        Result r = CliRun.withDb(db).run("ingest", in.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("9,100 records in 5 lines: 9,100 events stored, 0 flow events, 0 identity links,"
                + " 0 ignored, 0 duplicates, 0 rejected");
        assertThat(Db.one(db, "SELECT count(DISTINCT ingest_seq) FROM events")).isEqualTo("9100");
        // ingest order: line 1, the 5,000 events of line 2 in order, line 3, the 4,097 of line 4, line 5
        List<String> order = Db.rows(db, "SELECT sequence FROM events ORDER BY ingest_seq");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i <= 5001; i++) {
            expected.add(String.valueOf(i));
        }
        for (int i = 1; i <= 4097; i++) {
            expected.add(String.valueOf(i));
        }
        expected.add("9999");
        assertThat(order).isEqualTo(expected);
        assertThat(Db.one(db, "SELECT bool_and(ingest_seq < 1::BIGINT << 40) FROM events")).isEqualTo("true");
    }

    @Test
    void aSecondFileStartsItsOwnBlockAfterAnOverflowingFile() throws Exception {
        Path db = dir.resolve("p.duckdb");
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(batch(4500, "u1")));
        Path b = Lines.write(dir.resolve("b.jsonl"), List.of(Lines.event("\"sequence\":7")));

        Result r = CliRun.withDb(db).run("ingest", a.toString(), b.toString());

        assertThat(r.err()).as(r.toString()).contains("4,501 events stored");
        assertThat(Db.rows(db, "SELECT file_name, accepted FROM ingest_files ORDER BY file_index"))
                .containsExactly("a.jsonl | 4500", "b.jsonl | 1");
        assertThat(Db.one(db, "SELECT count(DISTINCT ingest_seq) FROM events")).isEqualTo("4501");
    }
}
