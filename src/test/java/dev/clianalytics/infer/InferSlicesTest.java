package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions and workflow runs written a slice of (actor, machine) pairs at a time are the rows written whole (docs/scale.md). */
class InferSlicesTest extends InferTestBase {
    private static final List<String> TABLES = List.of(
            "SELECT * FROM sessions ORDER BY session_id",
            "SELECT * FROM workflow_runs ORDER BY workflow_run_id",
            "SELECT * FROM hot_paths_ngram ORDER BY rank",
            "SELECT * FROM summary_totals");

    @Test
    void anyNumberOfSlicesGivesTheSameTables() {
        load("hot_paths.jsonl", "outcomes.jsonl", "runs_rules.jsonl");
        infer();
        List<List<String>> whole = TABLES.stream().map(this::rows).toList();
        assertThat(rows("SELECT count(*) FILTER (recovered) > 0, count(DISTINCT session_id) > 5 FROM workflow_runs"))
                .containsExactly("true | true");
        for (int slices : new int[] {2, 3, 7, 40}) {
            try (Database db = Database.open(db(), DbSettings.defaults())) {
                InferService.run(db, InferSettings.defaults(), slices);
            }
            assertThat(TABLES.stream().map(this::rows).toList()).as(slices + " slices").isEqualTo(whole);
        }
    }

    @Test
    void theSlicesFollowTheRunsAndTheMemoryLimit() {
        assertThat(InferSlices.bytes("1.1 GiB")).isEqualTo(1_181_116_006L);
        assertThat(InferSlices.bytes("228.8 MiB")).isEqualTo(239_914_188L);
        assertThat(InferSlices.bytes("512.0 KiB")).isEqualTo(524_288L);
        assertThat(InferSlices.bytes("1000 bytes")).isEqualTo(1000L);
        assertThat(InferSlices.bytes("unlimited")).isEqualTo(-1L);
        long limit = 1200L * 1000 * 1000;
        assertThat(InferSlices.slices(3_300_000, limit)).isEqualTo(1);          // 5M events
        assertThat(InferSlices.slices(13_200_000, limit)).isEqualTo(3);         // 20M events
        assertThat(InferSlices.slices(65_200_000, limit)).isEqualTo(11);        // 100M events
        assertThat(InferSlices.slices(13_200_000, 239_914_188L)).isEqualTo(12); // 20M events at 240 MB
        assertThat(InferSlices.slices(0, limit)).isEqualTo(1);
        assertThat(InferSlices.slices(5, -1)).isEqualTo(1);
    }
}
