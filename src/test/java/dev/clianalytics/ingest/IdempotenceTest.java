package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotenceTest {
    @TempDir
    Path dir;

    private static String withId(int n) {
        return Lines.event("\"event_id\":\"e" + n + "\",\"sequence\":" + n);
    }

    private static String withoutId(int n) {
        return Lines.event("\"sequence\":" + n);
    }

    @Test
    void reingestingTheSameFileStoresNothingNewAndCountsDuplicates() throws Exception {
        Path db = dir.resolve("i.duckdb");
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(withId(1), withId(2), withoutId(3), withoutId(4)));

        Result first = CliRun.withDb(db).run("ingest", a.toString());
        Result second = CliRun.withDb(db).run("ingest", a.toString());

        assertThat(first.err()).as(first.toString()).contains("4 events stored, 0 duplicates, 0 rejected");
        assertThat(second.err()).as(second.toString()).contains("0 events stored, 4 duplicates, 0 rejected");
        assertThat(Db.rows(db, "SELECT run_id, accepted, duplicates, rejected FROM ingest_runs ORDER BY run_id"))
                .containsExactly("1 | 4 | 0 | 0", "2 | 0 | 4 | 0");
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("4");
        assertThat(Db.rows(db, "SELECT DISTINCT content_sha256 FROM ingest_files")).hasSize(1);
    }

    @Test
    void anOverlappingFileAddsOnlyItsNewEvents() throws Exception {
        Path db = dir.resolve("i.duckdb");
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(withId(1), withId(2), withoutId(3)));
        Path b = Lines.write(dir.resolve("b.jsonl"), List.of(withId(2), withoutId(3), withId(4), withoutId(5)));
        CliRun.withDb(db).run("ingest", a.toString());

        Result r = CliRun.withDb(db).run("ingest", b.toString());

        assertThat(r.err()).as(r.toString()).contains("2 events stored, 2 duplicates, 0 rejected");
        assertThat(Db.rows(db, "SELECT sequence FROM events ORDER BY ingest_seq")).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void repeatsWithinOneRunKeepTheFirstOccurrenceInIngestOrder() throws Exception {
        Path db = dir.resolve("i.duckdb");
        // the same event_id with other content is a conflict (the first is kept); identical content is a duplicate
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(withoutId(1), withId(7),
                Lines.event("\"event_id\":\"e7\",\"sequence\":99"), withoutId(1)));
        Path b = Lines.write(dir.resolve("b.jsonl"), List.of(withoutId(1), withoutId(2)));

        Result r = CliRun.withDb(db).run("ingest", a.toString(), b.toString());

        assertThat(r.err()).as(r.toString()).contains("3 events stored, 2 duplicates, 1 conflict, 0 rejected");
        assertThat(Db.rows(db, "SELECT sequence FROM events ORDER BY ingest_seq")).containsExactly("1", "7", "2");
        assertThat(Db.rows(db, "SELECT file_name, accepted, duplicates, conflicts FROM ingest_files ORDER BY file_index"))
                .containsExactly("a.jsonl | 2 | 1 | 1", "b.jsonl | 1 | 1 | 0");
    }

    @Test
    void ingestSeqIncreasesAcrossRunsFilesAndLines() throws Exception {
        Path db = dir.resolve("i.duckdb");
        Path a = Lines.write(dir.resolve("a.jsonl"), List.of(withoutId(1), "", withoutId(2)));
        Path b = Lines.write(dir.resolve("b.jsonl"), List.of(withoutId(3)));
        Path c = Lines.write(dir.resolve("c.jsonl"), List.of(withoutId(4), withoutId(5)));
        CliRun.withDb(db).run("ingest", a.toString(), b.toString());
        CliRun.withDb(db).run("ingest", c.toString());
        assertThat(Db.rows(db, "SELECT sequence, run_id FROM events ORDER BY ingest_seq"))
                .containsExactly("1 | 1", "2 | 1", "3 | 1", "4 | 2", "5 | 2");
        assertThat(Db.one(db, "SELECT count(DISTINCT ingest_seq) FROM events")).isEqualTo("5");
    }
}
