package dev.clianalytics.reliability;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few fuzz rounds in every build; bench/torture runs many more with the same code. */
class FuzzTest {
    @TempDir
    Path dir;

    @Test
    void mutatedLinesAreEachStoredOnceOrRejectedAtTheirLineWithTheOracleReason() throws Exception {
        Random rnd = new Random(20261122L);
        Map<String, Integer> tally = new TreeMap<>();
        for (int round = 0; round < 8; round++) {
            Fuzz.round(dir, rnd, round, 60, tally);
        }
    }
}
