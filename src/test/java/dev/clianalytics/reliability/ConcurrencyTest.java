package dev.clianalytics.reliability;

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
        Path db = Concurrency.seeded(dir, rnd, 2000);
        for (String pair : Concurrency.PAIRS) {
            Concurrency.pair(dir, db, rnd, pair, 2000);
        }
    }

    /**
     * The first ingest that loses the race for creating the database gets exit 4 and must not remove
     * the winner's files. When it did, 4 pairs in 10 lost the winner's batch: with the pair above,
     * two tries, which fail nearly 2 times in 3 without the fix.
     */
    @Test
    void twoFirstIngestsAtOnceKeepBothBatches() throws Exception {
        Concurrency.pair(dir, null, new Random(12), Concurrency.FIRST, 2000);
    }
}
