package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SPEC §5.3: outcomes, IN_PROGRESS against --as-of, recovery. */
class OutcomesTest extends InferTestBase {
    private static final String OUTCOMES = "SELECT actor_hash, workflow_name, outcome, started_at, ended_at, duration_ms,"
            + " last_exit_code, last_error_type, recovered, time_to_recover_ms FROM workflow_runs ORDER BY actor_hash, workflow_run_id";

    @Test
    void everyOutcomeAndARecovery() {
        // ann: plan exits 1, nothing follows; ben: apply exits 1; cat: init, plan, then stops;
        // dan: install ten minutes before as-of; eve: test fails, install, test passes;
        // fay: apply without an exit code
        load("outcomes.jsonl");
        infer("--as-of", "2026-03-01T12:00:00Z");
        assertThat(rows(OUTCOMES)).containsExactly(
                "ann | terraform_workflow | FAILED | 2026-03-01T09:00Z | 2026-03-01T09:00Z | 0 | 1 | ConfigError | false | null",
                "ben | apply_workflow | FAILED | 2026-03-01T09:00Z | 2026-03-01T09:00Z | 0 | 1 | LockError | false | null",
                "cat | terraform_workflow | ABANDONED | 2026-03-01T09:00Z | 2026-03-01T09:01Z | 60000 | 0 | null | false | null",
                "dan | npm_workflow | IN_PROGRESS | 2026-03-01T11:50Z | 2026-03-01T11:50Z | 0 | 0 | null | false | null",
                "eve | test_workflow | FAILED | 2026-03-01T09:00Z | 2026-03-01T09:01Z | 60000 | 1 | TestFailure | true | 570000",
                "eve | test_workflow | SUCCESS | 2026-03-01T09:05Z | 2026-03-01T09:10:30Z | 330000 | 0 | null | false | null",
                "fay | apply_workflow | ABANDONED | 2026-03-01T09:00Z | 2026-03-01T09:00Z | 0 | null | null | false | null");
        assertThat(rows("SELECT as_of, as_of_given FROM infer_runs")).containsExactly("2026-03-01T12:00Z | true");
    }

    @Test
    void aRecoveredRunNamesTheRunThatRecoveredItAndItsFingerprint() {
        load("outcomes.jsonl");
        infer("--as-of", "2026-03-01T12:00:00Z");
        assertThat(rows("SELECT f.actor_hash, f.outcome, s.outcome, f.recovery_fingerprint = s.fingerprint, f.recovery_fingerprint"
                + " FROM workflow_runs AS f JOIN workflow_runs AS s ON s.workflow_run_id = f.recovered_by_run_id"))
                .containsExactly("eve | FAILED | SUCCESS | true | npm/install -> npm/test");
        assertThat(rows("SELECT count(*) FROM workflow_runs WHERE recovered <> (recovered_by_run_id IS NOT NULL)"
                + " OR recovered <> (recovery_fingerprint IS NOT NULL)")).containsExactly("0");
    }

    @Test
    void withoutAsOfTheLatestEventEndDecidesAndAnEarlierAsOfKeepsMoreRunsOpen() {
        load("outcomes.jsonl");
        infer();
        assertThat(rows("SELECT actor_hash, outcome FROM workflow_runs WHERE outcome = 'IN_PROGRESS'")).containsExactly("dan | IN_PROGRESS");
        assertThat(rows("SELECT as_of, as_of_given FROM infer_runs")).containsExactly("2026-03-01T11:50Z | false");
        // 09:20 is within 30 minutes of the 09:00-09:10 activity: the open runs are still in progress
        infer("--as-of", "2026-03-01T09:20:00Z");
        assertThat(rows("SELECT actor_hash, outcome FROM workflow_runs WHERE outcome = 'IN_PROGRESS' ORDER BY 1"))
                .containsExactly("ann | IN_PROGRESS", "cat | IN_PROGRESS", "dan | IN_PROGRESS", "fay | IN_PROGRESS");
    }
}
