package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data sets of other sizes or seeds never reuse an event id for other content (no conflicting_event_id). */
class GeneratedIdsTest {
    @TempDir
    Path dir;

    private Path generate(String name, String... args) {
        Path file = dir.resolve(name);
        String[] all = new String[args.length + 3];
        all[0] = "generate";
        all[1] = "-o";
        all[2] = file.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        Result r = CliRun.withDb(dir.resolve("unused.duckdb")).run(all);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return file;
    }

    @Test
    void twoSizesAndTwoSeedsIngestTogetherWithoutConflicts() {
        Path small = generate("small.jsonl", "--events", "300", "--seed", "7");
        Path large = generate("large.jsonl", "--events", "600", "--seed", "7");
        Path other = generate("other.jsonl", "--events", "300", "--seed", "8");
        Path again = generate("again.jsonl", "--events", "300", "--seed", "7");

        Result r = CliRun.withDb(dir.resolve("g.duckdb")).run("ingest", small.toString(), large.toString(),
                other.toString(), again.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("conflict");
        // the same seed and size is the same data set: all duplicates
        assertThat(r.err()).contains("1,200 events stored, 300 duplicates, 0 rejected");
    }
}
