package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.sql.SharedAggregates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §5.4: failure hot paths by fingerprint and by n-gram, ties broken by text. */
class HotPathsTest extends InferTestBase {
    // a1, a2: init, plan fails (ConfigError, TimeoutError); a3: init, plan, apply fails (LockError),
    // docker build fails (BuildError); a1 later: init, plan, apply all pass
    @Test
    void fingerprintsOfFailedRunsRankedTiesByFingerprint() {
        load("hot_paths.jsonl");
        infer();
        assertThat(rows("SELECT * FROM hot_paths_fingerprint ORDER BY rank")).containsExactly(
                "1 | terraform/init -> terraform/plan | 2 | terraform_workflow | 2",
                "2 | docker/build | 1 | build_workflow | 1",
                "3 | terraform/init -> terraform/plan -> terraform/apply | 1 | apply_workflow | 1");
    }

    @Test
    void ngramsEndingAtFailingEventsWithRatesActorsAndTopErrors() {
        load("hot_paths.jsonl");
        infer();
        assertThat(rows("SELECT * FROM hot_paths_ngram ORDER BY rank")).containsExactly(
                "1 | terraform/init -> terraform/plan | 2 | 2 | 4 | 0.5 | 2 | ConfigError",
                "2 | terraform/plan | 1 | 2 | 4 | 0.5 | 2 | ConfigError",
                "3 | docker/build | 1 | 1 | 1 | 1.0 | 1 | BuildError",
                "4 | terraform/apply | 1 | 1 | 2 | 0.5 | 1 | LockError",
                "5 | terraform/init -> terraform/plan -> terraform/apply | 3 | 1 | 2 | 0.5 | 1 | LockError",
                "6 | terraform/plan -> terraform/apply | 2 | 1 | 2 | 0.5 | 1 | LockError");
    }

    @Test
    void theSameQueriesTakeFiltersForReports() throws Exception {
        load("hot_paths.jsonl");
        infer();
        var docker = new SharedAggregates.Filter("docker", null, null, null, null);
        assertThat(query(SharedAggregates.BY_FINGERPRINT, docker)).containsExactly("1 | docker/build | 1 | build_workflow | 1");
        var top2 = new SharedAggregates.Filter(null, null, null, true, 2L);
        assertThat(query(SharedAggregates.BY_NGRAM, top2)).containsExactly(
                "1 | terraform/init -> terraform/plan | 2 | 2 | 4 | 0.5 | 2 | ConfigError",
                "2 | terraform/plan | 1 | 2 | 4 | 0.5 | 2 | ConfigError");
        // runs started from 09:05 on: only the docker build failed, and the 11:00 runs passed
        var late = new SharedAggregates.Filter(null, Instant.parse("2026-03-01T09:05:00Z"), Instant.parse("2026-03-01T12:00:00Z"), null, null);
        assertThat(query(SharedAggregates.BY_NGRAM, late)).containsExactly("1 | docker/build | 1 | 1 | 1 | 1.0 | 1 | BuildError");
        var none = new SharedAggregates.Filter(null, null, Instant.parse("2026-03-01T09:00:00Z"), null, null);
        assertThat(query(SharedAggregates.BY_FINGERPRINT, none)).isEmpty();
    }

    private List<String> query(String resource, SharedAggregates.Filter filter) throws Exception {
        try (Database d = Database.openReadOnly(db(), DbSettings.defaults());
                PreparedStatement ps = SharedAggregates.prepare(d.connection(), resource, filter);
                ResultSet rs = ps.executeQuery()) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join(" | ", cells));
            }
            return rows;
        }
    }
}
