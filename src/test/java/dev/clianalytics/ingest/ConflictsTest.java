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

/** Two events with one event_id and different content are a conflict, not a duplicate (specification §4.2). */
class ConflictsTest {
    @TempDir
    Path dir;

    private static String event(String id, int sequence) {
        return Lines.event("\"event_id\":\"" + id + "\",\"sequence\":" + sequence);
    }

    @Test
    void anEventIdStoredWithOtherContentIsCountedAsAConflictAndTheStoredEventKept() throws Exception {
        Path db = dir.resolve("c.duckdb");
        Path first = Lines.write(dir.resolve("first.jsonl"), List.of(event("a", 1), event("b", 2)));
        Path second = Lines.write(dir.resolve("second.jsonl"), List.of(event("a", 1), event("b", 20), event("c", 3)));
        Path rejects = dir.resolve("rejects.jsonl");
        CliRun.withDb(db).run("ingest", first.toString());

        Result r = CliRun.withDb(db).run("ingest", second.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("1 event stored, 1 duplicate, 1 conflict, 0 rejected")
                .contains("1 event reused an event_id with other content (conflicting_event_id); the first event was kept,"
                        + " the lines are in " + rejects);
        assertThat(Db.rows(db, "SELECT sequence FROM events ORDER BY ingest_seq")).containsExactly("1", "2", "3");
        assertThat(Db.rows(db, "SELECT run_id, accepted, duplicates, conflicts FROM ingest_runs ORDER BY run_id"))
                .containsExactly("1 | 2 | 0 | 0", "2 | 1 | 1 | 1");
        assertThat(Db.rows(db, "SELECT file_name, accepted, duplicates, conflicts FROM ingest_files WHERE run_id = 2"))
                .containsExactly("second.jsonl | 1 | 1 | 1");
        assertThat(Files.readAllLines(rejects)).containsExactly("{\"file\":\"" + second + "\",\"line\":2,"
                + "\"reason\":\"conflicting_event_id\",\"text\":" + json(event("b", 20)) + "}");
    }

    @Test
    void conflictsWithinOneRunKeepTheFirstOccurrenceAndAreCountedPerFile() throws Exception {
        Path db = dir.resolve("c.duckdb");
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(event("x", 1), event("x", 2), event("x", 1)));
        Path b = Lines.write(dir.resolve("b.jsonl"), List.of(event("x", 3)));

        Result r = CliRun.withDb(db).run("ingest", a.toString(), b.toString());

        assertThat(r.err()).as(r.toString()).contains("1 event stored, 1 duplicate, 2 conflicts, 0 rejected")
                .contains("use --rejects FILE to see the lines");
        assertThat(Db.rows(db, "SELECT sequence FROM events")).containsExactly("1");
        assertThat(Db.rows(db, "SELECT file_name, accepted, duplicates, conflicts FROM ingest_files ORDER BY file_index"))
                .containsExactly("a.jsonl | 1 | 1 | 1", "b.jsonl | 0 | 0 | 1");
    }

    @Test
    void reingestingAFileWithConflictsChangesNothing() throws Exception {
        Path db = dir.resolve("c.duckdb");
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(event("x", 1), event("x", 2)));
        CliRun.withDb(db).run("ingest", a.toString());
        List<String> before = Db.rows(db, "SELECT * EXCLUDE (run_id) FROM events ORDER BY ingest_seq");

        Result again = CliRun.withDb(db).run("ingest", a.toString());

        assertThat(again.err()).as(again.toString()).contains("0 events stored, 1 duplicate, 1 conflict, 0 rejected");
        assertThat(Db.rows(db, "SELECT * EXCLUDE (run_id) FROM events ORDER BY ingest_seq")).isEqualTo(before);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
