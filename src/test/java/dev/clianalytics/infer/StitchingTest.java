package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identity stitching: linked actor hashes are one person, whenever the link arrived. */
class StitchingTest extends InferTestBase {
    @Test
    void withoutLinksEachHashIsItsOwnActor() {
        load("stitching.jsonl");
        infer();
        assertThat(rows("SELECT actor_hash, event_count FROM sessions ORDER BY actor_hash"))
                .containsExactly("alice | 1", "anon-1 | 1", "anon-2 | 1");
    }

    @Test
    void linksArrivingLaterMergeTheSessionsUnderTheSmallestHash() {
        load("stitching.jsonl");
        // anon-1 is alice; anon-2 is anon-1: all three are one person, linked after the events
        Fixtures.link(db(), "alice", "anon-1");
        Fixtures.link(db(), "anon-2", "anon-1");
        infer();
        assertThat(sessions()).containsExactly(
                "1 | alice | m1 | first | 2026-03-01T10:00Z | 2026-03-01T10:10Z | 3 | 1 | [terraform]");
        assertThat(runs()).containsExactly(
                "1 | 1 | apply_workflow | SUCCESS | 3 | terraform/init -> terraform/plan -> terraform/apply");
        assertThat(rows("SELECT DISTINCT actor_hash FROM workflow_runs")).containsExactly("alice");
    }
}
