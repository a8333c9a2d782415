package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each pair of commands once (bench/torture runs many): done or exit 4, nothing lost. */
class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void twoCommandsAtOnceEitherWorkOrGetExitFourAndNothingIsLost() throws Exception {
        Random rnd = new Random(11);
        Path db = dir.resolve("pairs.duckdb");
        Path seed = Crashes.events(dir, "seed.jsonl", rnd, 2000);
        assertThat(CliRun.withDb(db).run("ingest", seed.toString()).exitCode()).isZero();
        assertThat(CliRun.withDb(db).run("infer").exitCode()).isZero();
        for (String pair : Concurrency.PAIRS) {
            Concurrency.pair(dir, db, rnd, pair, 5000);
        }
    }
}
