package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleasesTest {
    @Test
    void wilsonBoundsOf45SuccessesIn50RunsAreTheKnownValues() {
        Wilson w = Wilson.of(45, 50);
        assertThat(Wilson.percent(w.low())).hasToString("78.64");
        assertThat(Wilson.percent(w.high())).hasToString("95.65");
    }

    @Test
    void wilsonBoundsStayInsideZeroAndHundred() {
        assertThat(Wilson.percent(Wilson.of(0, 10).low())).hasToString("0.00");
        assertThat(Wilson.percent(Wilson.of(0, 10).high())).hasToString("27.75");
        assertThat(Wilson.percent(Wilson.of(10, 10).low())).hasToString("72.25");
        assertThat(Wilson.percent(Wilson.of(10, 10).high())).hasToString("100.00");
        assertThat(Wilson.of(0, 0)).isNull();
    }

    private static Releases.Counts v(String version, long runs, long ok, int day) {
        return new Releases.Counts("terraform", version, runs, ok, runs - ok, null,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day), Instant.EPOCH, 1);
    }

    @Test
    void aVersionWhoseIntervalLiesBelowThePreviousOneIsARegression() {
        // 1.7.0: 15/30 = [33.2, 66.8] lies below 1.6.6: 29/30 = [83.3, 99.4]
        List<Releases.Release> r = Releases.compare(List.of(v("1.7.0", 30, 15, 2), v("1.6.6", 30, 29, 1)), 30);
        assertThat(r).extracting(x -> x.counts().version(), Releases.Release::regression, Releases.Release::comparedTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.6.6", false, null),
                        org.assertj.core.groups.Tuple.tuple("1.7.0", true, "1.6.6"));
    }

    @Test
    void belowTheRunThresholdAVersionIsNeitherFlaggedNorComparedTo() {
        // 29 runs: not compared; the next version with 30 is compared to 1.6.6, skipping it
        List<Releases.Release> r = Releases.compare(
                List.of(v("1.6.6", 30, 29, 1), v("1.7.0", 29, 14, 2), v("1.7.1", 30, 29, 3)), 30);
        assertThat(r).extracting(x -> x.counts().version(), Releases.Release::regression, Releases.Release::comparedTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.6.6", false, null),
                        org.assertj.core.groups.Tuple.tuple("1.7.0", false, null),
                        org.assertj.core.groups.Tuple.tuple("1.7.1", false, "1.6.6"));
        // with --min-runs 29 the same 1.7.0 is a regression
        assertThat(Releases.compare(List.of(v("1.6.6", 30, 29, 1), v("1.7.0", 29, 14, 2)), 29).get(1).regression())
                .isTrue();
    }

    @Test
    void overlappingIntervalsAreNoRegression() {
        List<Releases.Release> r = Releases.compare(List.of(v("1.6.6", 50, 45, 1), v("1.7.0", 50, 40, 2)), 30);
        assertThat(r.get(1).regression()).isFalse();
        assertThat(r.get(1).comparedTo()).isEqualTo("1.6.6");
    }

    @Test
    void topKeepsEachToolsNewestVersions() {
        List<Releases.Release> r = Releases.newest(Releases.compare(
                List.of(v("1.6.6", 1, 1, 1), v("1.7.0", 1, 1, 2), v("1.7.1", 1, 1, 3)), 30), 2);
        assertThat(r).extracting(x -> x.counts().version()).containsExactly("1.7.0", "1.7.1");
    }
}
