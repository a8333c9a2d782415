package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemverTest {
    @Test
    void versionsSortBySemanticVersionPreReleasesFirstThenTheRestByFirstSeen() {
        List<String> seenInThisOrder = List.of("nightly", "1.10.0", "v1.9.2", "2.0.0", "1.9.2-beta.11", "1.9.2-beta.2",
                "1.9.2-alpha", "dev-build", "1.9.2-beta", "1.2.3.4", "2.0.0-rc.1+build.5", "1.9");
        List<Releases.Counts> counts = new java.util.ArrayList<>();
        for (int i = 0; i < seenInThisOrder.size(); i++) {
            counts.add(new Releases.Counts("t", seenInThisOrder.get(i), 1, 1, 0, null,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), Instant.EPOCH, 1));
        }
        assertThat(Releases.ordered(counts).stream().map(Releases.Counts::version)).containsExactly(
                "1.9", "1.9.2-alpha", "1.9.2-beta", "1.9.2-beta.2", "1.9.2-beta.11", "v1.9.2", "1.10.0",
                "2.0.0-rc.1+build.5", "2.0.0", "nightly", "dev-build", "1.2.3.4");
    }

    @Test
    void aLeadingVAndBuildMetadataDoNotChangeTheVersion() {
        assertThat(Semver.parse("v1.7.0").compareTo(Semver.parse("1.7.0"))).isZero();
        assertThat(Semver.parse("1.7.0+abc").compareTo(Semver.parse("1.7.0"))).isZero();
        assertThat(Semver.parse("1.7")).isEqualTo(Semver.parse("1.7.0"));
        assertThat(Semver.parse("latest")).isNull();
        assertThat(Semver.parse(null)).isNull();
    }

    @Test
    void errorVersionsAreListedInReleaseOrder() {
        assertThat(Insights.releaseOrder("1.10.0\u001fnightly\u001f1.9.2\u001f1.9.2-rc.1")).isEqualTo("1.9.2-rc.1, 1.9.2, 1.10.0, nightly");
    }
}
