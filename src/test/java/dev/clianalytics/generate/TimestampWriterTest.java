package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampWriterTest {
    @Test
    void writesTheSameTextAsJavaTimeForAnyInstantAndOffset() {
        SplittableRandom r = new SplittableRandom(7);
        TimestampWriter ts = new TimestampWriter();
        int[] offsets = {0, 60, 120, -300, 330, 540, -720, 840};
        for (int i = 0; i < 20_000; i++) {
            long micros = r.nextLong(-2_000_000_000_000_000L, 4_000_000_000_000_000L);
            int offset = offsets[r.nextInt(offsets.length)];
            boolean six = r.nextBoolean();
            ByteOut out = new ByteOut(40);
            ts.write(out, micros, offset, six, false);
            Instant instant = Instant.EPOCH.plusNanos(micros * 1000);
            String expected = DateTimeFormatter.ofPattern(six ? "uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX" : "uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
                    .format(instant.atOffset(ZoneOffset.ofTotalSeconds(offset * 60)));
            assertThat(out.toString()).as("micros %d offset %d", micros, offset).isEqualTo(expected);
        }
    }

    @Test
    void zonelessLeavesTheDesignatorOut() {
        ByteOut out = new ByteOut(40);
        new TimestampWriter().write(out, 1_772_409_600_123_456L, 0, false, true);
        assertThat(out.toString()).isEqualTo("2026-03-02T00:00:00.123");
    }
}
