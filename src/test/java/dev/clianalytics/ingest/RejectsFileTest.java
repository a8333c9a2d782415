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

/** --rejects never destroys a file: an existing one is refused without --force, a clean run writes none. */
class RejectsFileTest {
    @TempDir
    Path dir;

    @Test
    void anExistingRejectsFileIsRefusedWithoutForceAndNothingIsWritten() throws Exception {
        Path db = dir.resolve("r.duckdb");
        Path rejects = Files.writeString(dir.resolve("rejects.jsonl"), "keep me\n");
        Path in = Lines.write(dir.resolve("in.jsonl"), List.of(Lines.event(""), "not json"));

        Result r = CliRun.withDb(db).run("ingest", in.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("rejects file " + rejects + " exists; pass --force to replace it");
        assertThat(Files.readString(rejects)).isEqualTo("keep me\n");
        assertThat(db).doesNotExist();
    }

    @Test
    void forceReplacesAnExistingRejectsFile() throws Exception {
        Path db = dir.resolve("r.duckdb");
        Path rejects = Files.writeString(dir.resolve("rejects.jsonl"), "old\n");
        Path in = Lines.write(dir.resolve("in.jsonl"), List.of(Lines.event(""), "not json"));

        Result r = CliRun.withDb(db).run("ingest", in.toString(), "--rejects", rejects.toString(), "--force");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(rejects))
                .containsExactly("{\"file\":\"" + in + "\",\"line\":2,\"reason\":\"invalid_json\",\"text\":\"not json\"}");
    }

    @Test
    void aCleanRunLeavesAnExistingRejectsFileUntouchedAndCreatesNone() throws Exception {
        Path db = dir.resolve("r.duckdb");
        Path kept = Files.writeString(dir.resolve("kept.jsonl"), "from an earlier run\n");
        Path none = dir.resolve("none.jsonl");
        Path in = Lines.write(dir.resolve("in.jsonl"), List.of(Lines.event("")));

        Result forced = CliRun.withDb(db).run("ingest", in.toString(), "--rejects", kept.toString(), "--force");
        Result clean = CliRun.withDb(db).run("ingest", in.toString(), "--rejects", none.toString());

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(Files.readString(kept)).isEqualTo("from an earlier run\n");
        assertThat(none).doesNotExist();
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("1");
    }
}
