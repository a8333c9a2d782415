package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SPEC §5.1: how events are grouped into sessions and in which order. */
class SessionsTest extends InferTestBase {
    @Test
    void initPlanApplyFiveMinutesApartIsOneSession() {
        load("terraform_basic.jsonl");
        infer();
        assertThat(sessions()).containsExactly(
                "1 | alice | m1 | first | 2026-03-01T10:00Z | 2026-03-01T10:11Z | 3 | 1 | [terraform]");
    }

    @Test
    void aGapOfFortyFiveMinutesSplitsButTheGapCountsFromThePreviousEnd() {
        // init at 10:00 (no duration), plan at 10:45: a 45-minute gap splits. apply at 11:00 runs
        // 40 minutes, so the plan at 12:05 is 25 minutes after its end: same session.
        load("sessions_gap.jsonl");
        infer();
        assertThat(sessions()).containsExactly(
                "1 | alice | m1 | first | 2026-03-01T10:00Z | 2026-03-01T10:00Z | 1 | 1 | [terraform]",
                "2 | alice | m1 | inactivity | 2026-03-01T10:45Z | 2026-03-01T12:05Z | 3 | 2 | [terraform]");
    }

    @Test
    void aLongerTimeoutJoinsThemAndTheTablesFollowTheNewSetting() {
        load("sessions_gap.jsonl");
        infer();
        assertThat(sessions()).hasSize(2);
        infer("--session-timeout", "1h");
        assertThat(sessions()).containsExactly(
                "1 | alice | m1 | first | 2026-03-01T10:00Z | 2026-03-01T12:05Z | 4 | 2 | [terraform]");
        assertThat(rows("SELECT session_timeout_ms FROM infer_runs ORDER BY infer_id")).containsExactly("1800000", "3600000");
        infer("--session-timeout", "10m");
        assertThat(rows("SELECT split_reason FROM sessions ORDER BY session_id"))
                .containsExactly("first", "inactivity", "inactivity", "inactivity");
    }

    @Test
    void aChangedHintOrCiFlagStartsASession() {
        // hint run-1, run-1 | run-2 | none | none but not CI | not CI
        load("sessions_hint_ci.jsonl");
        infer();
        assertThat(rows("SELECT session_id, split_reason, session_hint_hash, ci_detected, event_count FROM sessions ORDER BY 1"))
                .containsExactly(
                        "1 | first | run-1 | true | 2",
                        "2 | hint_change | run-2 | true | 1",
                        "3 | hint_change | null | true | 1",
                        "4 | ci_change | null | false | 2");
    }

    @Test
    void interleavedActorsAndMachinesKeepTheirOwnSessions() {
        load("sessions_interleaved.jsonl");
        infer();
        assertThat(sessions()).containsExactly(
                "1 | alice | m1 | first | 2026-03-01T10:01Z | 2026-03-01T10:04Z | 2 | 1 | [terraform]",
                "2 | alice | m2 | first | 2026-03-01T10:03Z | 2026-03-01T10:03Z | 1 | 1 | [docker]",
                "3 | bob | m1 | first | 2026-03-01T10:00Z | 2026-03-01T10:05Z | 3 | 1 | [terraform]");
        assertThat(runs()).containsExactly(
                "1 | 1 | terraform_workflow | IN_PROGRESS | 2 | terraform/init -> terraform/plan",
                "2 | 2 | build_workflow | SUCCESS | 1 | docker/build",
                "3 | 3 | apply_workflow | SUCCESS | 3 | terraform/init -> terraform/plan -> terraform/apply");
    }

    @Test
    void timestampTiesAreOrderedBySequenceThenIngestOrder() {
        // all at 10:00Z except show (08:00Z, given as 10:00+02:00); later file: output has a
        // sequence, console has none and comes after every earlier line without one
        load("ordering_ties.jsonl", "ordering_ties_later.jsonl");
        infer();
        assertThat(rows("SELECT position, step, ingest_seq FROM workflow_steps ORDER BY workflow_run_id, position"))
                .containsExactly(
                        "1 | terraform/show | 4",
                        "1 | terraform/init | 3",
                        "2 | terraform/plan | 1",
                        "3 | terraform/output | 6",
                        "4 | terraform/validate | 2",
                        "5 | terraform/fmt | 5",
                        "6 | terraform/console | 7");
        assertThat(rows("SELECT split_reason FROM sessions ORDER BY session_id")).containsExactly("first", "inactivity");
    }
}
