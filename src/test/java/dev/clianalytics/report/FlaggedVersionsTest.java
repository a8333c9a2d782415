package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.sql.SharedAggregates;
import dev.clianalytics.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /**
     * Without a filter the counts infer stored (version_counts) are read, and they equal what the
     * shared SQL computes; a filter that keeps everything computes them again from the runs.
     */
    @Test
    void unfilteredTheCountsInferStoredAreRead() throws Exception {
        Path db = FixtureDb.create(Files.createDirectory(dir.resolve("db")), "insights/regression.jsonl");
        ReportFilter everything = new ReportFilter(null, Instant.EPOCH, null, false);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            List<String> stored;
            try (Statement st = c.createStatement()) {
                stored = Db.rows(st, "SELECT * FROM version_counts ORDER BY ALL");
            }
            List<String> computed;
            try (PreparedStatement ps = SharedAggregates.prepare(c, SharedAggregates.VERSION_COUNTS,
                    SharedAggregates.Filter.NONE); ResultSet rs = ps.executeQuery()) {
                computed = Db.rows(rs);
            }
            assertThat(stored).hasSize(computed.size()).containsExactlyInAnyOrderElementsOf(computed).hasSizeGreaterThan(1);
            assertThat(names(Insights.flaggedVersions(c, ReportFilter.NONE, 30))).containsExactly("terraform 1.1.0 vs 1.0.0");
            try (Statement st = c.createStatement()) {   // stored counts without the regression
                st.execute("UPDATE version_counts SET success_count = runs, failed_count = 0");
            }
            assertThat(Insights.flaggedVersions(c, ReportFilter.NONE, 30)).isEmpty();
            assertThat(names(Insights.flaggedVersions(c, everything, 30))).containsExactly("terraform 1.1.0 vs 1.0.0");
        }
    }

    private static List<String> names(List<Releases.Release> releases) {
        return releases.stream().map(r -> r.counts().tool() + " " + r.counts().version() + " vs " + r.comparedTo()).toList();
    }
}
