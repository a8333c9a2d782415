package dev.clianalytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void aDurationIsWrittenAsPeopleTypeItAndReadsBack() {
        assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofDays(2).plusHours(1))).isEqualTo("2d1h");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        for (String text : new String[] {"30m", "1h30m", "1m30s", "2d1h", "1s500ms", "60s"}) {
            assertThat(Durations.parse(Durations.format(Durations.parse(text)))).isEqualTo(Durations.parse(text));
        }
    }
}
