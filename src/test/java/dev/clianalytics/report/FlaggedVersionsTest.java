package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** check's no_regression reads fewer numbers than report versions, and must flag the same versions. */
class FlaggedVersionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, at least {1} runs")
    @CsvSource({"insights/regression.jsonl, 30", "insights/regression.jsonl, 31", "insights/regression.jsonl, 1",
        "insights/recovery.jsonl, 1"})
    void checkFlagsWhatReportVersionsFlags(String fixture, int minRuns) throws Exception {
        Path db = FixtureDb.create(Files.createDirectory(dir.resolve("db")), fixture);
        try (Database d = Database.openReadOnly(db, DbSettings.defaults())) {
            List<String> reported = names(Insights.regressions(d.connection(), ReportFilter.NONE, minRuns));
            assertThat(names(Insights.flaggedVersions(d.connection(), ReportFilter.NONE, minRuns))).isEqualTo(reported);
            if (fixture.contains("regression") && minRuns == 30) {
                assertThat(reported).containsExactly("terraform 1.1.0 vs 1.0.0");
            }
        }
    }

    private static List<String> names(List<Releases.Release> releases) {
        return releases.stream().map(r -> r.counts().tool() + " " + r.counts().version() + " vs " + r.comparedTo()).toList();
    }
}
