package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written number and time formats (start-up time) write exactly what the JDK's formatters write. */
class ValuesFormattingTest {
    @Test
    void groupedCountsMatchTheJdkFormatter() {
        long[] fixed = {0, 1, -1, 12, 123, 999, 1_000, -1_000, 12_345, 999_999, 1_000_000, 5_000_000, -123_456_789,
            Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : fixed) {
            assertThat(Values.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertThat(Values.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        assertThat(Values.human(Kind.COUNT, 5_000_000L)).isEqualTo("5,000,000");
    }

    @Test
    void humanTimesMatchTheJdkFormatter() {
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        Instant[] fixed = {Instant.EPOCH, Instant.parse("2026-01-24T10:00:00.999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0999-03-04T05:06:07Z"),
            Instant.parse("1969-12-31T23:59:59.5Z")};
        for (Instant t : fixed) {
            assertThat(Values.humanTime(t)).isEqualTo(jdk.format(t));
        }
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong() % 253_402_300_800L, random.nextInt(1_000_000_000));
            assertThat(Values.humanTime(t)).isEqualTo(jdk.format(t));
        }
    }
}
