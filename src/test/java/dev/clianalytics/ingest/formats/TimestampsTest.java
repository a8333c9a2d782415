package dev.clianalytics.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void theShapesExportsWriteBecomeOneUtcInstant() {
        assertThat(Timestamps.normalise("2026-03-02T10:15:00Z")).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(Timestamps.normalise("2026-03-02T10:15:00z")).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(Timestamps.normalise("2026-03-02T10:15:00.5+02:00")).isEqualTo("2026-03-02T08:15:00.500Z");
        assertThat(Timestamps.normalise("2026-03-02T00:15:00.123456-05:30")).isEqualTo("2026-03-02T05:45:00.123456Z");
        assertThat(Timestamps.normalise("2026-03-02T10:15:00.123456789Z")).isEqualTo("2026-03-02T10:15:00.123456789Z");
        assertThat(Timestamps.normalise("2026-03-02 10:15:00")).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(Timestamps.normalise("2026-03-02t10:15:00Z")).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(Timestamps.normalise(" 2026-03-02T10:15:00+0200 ")).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(Timestamps.normalise("2026-03-02T10:15Z")).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(Timestamps.normalise("2024-02-29T00:00:00Z")).isEqualTo("2024-02-29T00:00:00Z");
    }

    @Test
    void impossibleOrForeignShapesAreBadTimestamps() {
        for (String bad : new String[] {"2026-02-30T10:15:00Z", "2025-02-29T00:00:00Z", "2026-03-02T25:61:00Z",
                "2026-03-02T24:00:00Z", "yesterday at noon", "03/02/2026 10:15",
                "2026-03-02T10:15:00.1234567891Z", "2026-03-02T10:15:00+19:00", "1700000000", "2026-03-02"}) {
            assertThatThrownBy(() -> Timestamps.normalise(bad)).as(bad)
                    .isInstanceOf(Rejected.class).hasMessage("bad_timestamp");
        }
    }
}
