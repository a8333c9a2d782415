package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of docs/funnels.md "Semantics", pinned by the exact attempt rows infer writes. */
class FunnelsTest extends InferTestBase {
    private static final String S = "CLI Auth Started";
    private static final String B = "CLI Auth Browser Opened";
    private static final String C = "CLI Auth Callback Received";
    private static final String D = "CLI Auth Completed";
    private static final String F = "CLI Auth Failed";

    private void flows(String... lines) {
        FunnelFixtures.load(db(), lines);
    }

    private List<String> attempts(String funnel) {
        return rows("SELECT attempt_id, actor_hash, started_at, ended_at, end_reason, steps_reached, outcome,"
                + " failure_class FROM funnel_attempts WHERE funnel = '" + funnel + "' ORDER BY attempt_id");
    }

    private List<String> times(String funnel) {
        return rows("SELECT attempt_id, step_times FROM funnel_attempts WHERE funnel = '" + funnel + "' ORDER BY attempt_id");
    }

    @Test
    void aRepeatedStartEndsTheAttemptAndStartsAnother() {
        flows("2026-03-01T10:00:00Z|" + S + "|ann|",
                "2026-03-01T10:00:05Z|" + B + "|ann|",
                "2026-03-01T10:01:00Z|" + S + "|ann|",
                "2026-03-01T10:01:05Z|" + C + "|ann|", // after the restart: belongs to attempt 2, which lacks step 2
                "2026-03-01T10:01:10Z|" + B + "|ann|",
                "2026-03-01T10:01:20Z|" + C + "|ann|",
                "2026-03-01T10:01:30Z|" + D + "|ann|");
        infer();
        assertThat(attempts("auth")).containsExactly(
                "1 | ann | 2026-03-01T10:00Z | 2026-03-01T10:01Z | next_attempt | 2 | dropped | null",
                "2 | ann | 2026-03-01T10:01Z | 2026-03-01T11:01Z | window | 4 | completed | null");
    }

    @Test
    void anEventExactlyAWindowAfterTheStartIsInsideOneLaterIsNot() {
        flows("2026-03-01T10:00:00Z|" + S + "|ann|",
                "2026-03-01T11:00:00Z|" + B + "|ann|",
                "2026-03-01T11:00:00.001Z|" + C + "|ann|");
        infer();
        assertThat(attempts("auth")).containsExactly(
                "1 | ann | 2026-03-01T10:00Z | 2026-03-01T11:00Z | window | 2 | dropped | null");
    }

    @Test
    void eventsAreOrderedByTimeNotByTheirPlaceInTheFile() {
        flows("2026-03-01T10:00:30Z|" + D + "|ann|",
                "2026-03-01T10:00:20Z|" + C + "|ann|",
                "2026-03-01T10:00:10Z|" + B + "|ann|",
                "2026-03-01T10:00:00Z|" + S + "|ann|");
        infer();
        assertThat(attempts("auth")).containsExactly(
                "1 | ann | 2026-03-01T10:00Z | 2026-03-01T11:00Z | window | 4 | completed | null");
        assertThat(times("auth")).containsExactly(
                "1 | ['2026-03-01 10:00:00+00', '2026-03-01 10:00:10+00', '2026-03-01 10:00:20+00', '2026-03-01 10:00:30+00']");
    }

    @Test
    void tiesInTimeAreBrokenByEventIndexThenByIngestOrder() {
        // one instant: event_index orders them whatever the file says; the callback (index 1) comes
        // before the browser (index 2), so it is not after step 2 and the attempt stops there
        flows("2026-03-01T10:00:00Z|" + B + "|ann|{\"event_index\":2}",
                "2026-03-01T10:00:00Z|" + C + "|ann|{\"event_index\":1}",
                "2026-03-01T10:00:00Z|" + S + "|ann|{\"event_index\":0}",
                // without event_index: ingest order decides (bob's callback is after his browser)
                "2026-03-01T10:00:00Z|" + S + "|bob|",
                "2026-03-01T10:00:00Z|" + B + "|bob|",
                "2026-03-01T10:00:00Z|" + C + "|bob|");
        infer();
        assertThat(attempts("auth")).containsExactly(
                "1 | ann | 2026-03-01T10:00Z | 2026-03-01T11:00Z | window | 2 | dropped | null",
                "2 | bob | 2026-03-01T10:00Z | 2026-03-01T11:00Z | window | 3 | dropped | null");
    }

    @Test
    void aFailureEventMakesAnUncompletedAttemptFailedNotDropped() {
        flows("2026-03-01T10:00:00Z|" + S + "|ann|",
                "2026-03-01T10:00:05Z|" + B + "|ann|",
                "2026-03-01T10:00:09Z|" + F + "|ann|{\"error_class\":\"timeout\"}",
                "2026-03-01T12:00:00Z|" + S + "|ann|",
                "2026-03-01T12:00:05Z|" + B + "|ann|",
                "2026-03-01T13:00:00Z|" + S + "|ann|",
                "2026-03-01T13:00:05Z|" + F + "|ann|{\"error_class\":\"denied\"}",
                "2026-03-01T13:00:06Z|" + B + "|ann|",
                "2026-03-01T13:00:07Z|" + C + "|ann|",
                "2026-03-01T13:00:08Z|" + D + "|ann|",
                // a failure after the window is outside the attempt
                "2026-03-01T15:00:00Z|" + S + "|ann|",
                "2026-03-01T16:00:01Z|" + F + "|ann|{\"error_class\":\"late\"}");
        infer();
        assertThat(attempts("auth")).containsExactly(
                "1 | ann | 2026-03-01T10:00Z | 2026-03-01T11:00Z | window | 2 | failed | timeout",
                "2 | ann | 2026-03-01T12:00Z | 2026-03-01T13:00Z | next_attempt | 2 | dropped | null",
                "3 | ann | 2026-03-01T13:00Z | 2026-03-01T14:00Z | window | 4 | completed | null",
                "4 | ann | 2026-03-01T15:00Z | 2026-03-01T16:00Z | window | 1 | dropped | null");
    }

    @Test
    void aSignInThatChangesTheUserIdMidFlowIsStillOneAttempt() {
        flows("2026-03-01T10:00:00Z|" + S + "|anon-1|",
                "2026-03-01T10:00:05Z|" + B + "|anon-1|",
                "2026-03-01T10:00:10Z|" + C + "|user-9|",
                "2026-03-01T10:00:15Z|" + D + "|user-9|");
        Fixtures.link(db(), "anon-1", "user-9");
        infer();
        assertThat(attempts("auth")).containsExactly(
                "1 | anon-1 | 2026-03-01T10:00Z | 2026-03-01T11:00Z | window | 4 | completed | null");
    }

    @Test
    void aFunnelMixesCommandAndFlowSteps() throws Exception {
        var file = dir.resolve("funnels.yaml");
        Files.writeString(file, """
                funnels:
                  - name: onboarding
                    steps:
                      - command: [mycli, init]
                      - event: CLI Auth Completed
                      - command: [mycli, deploy]
                        outcome: success
                    window: 1d
                """);
        flows("2026-03-01T10:00:00Z|cmd mycli init|ann|0",
                "2026-03-01T10:05:00Z|" + D + "|ann|",
                "2026-03-01T11:00:00Z|cmd mycli deploy prod|ann|1", // failed: not the step
                "2026-03-01T11:30:00Z|cmd mycli deploy prod|ann|0",
                "2026-03-02T09:00:00Z|cmd mycli init|bob|0",
                "2026-03-02T09:01:00Z|cmd mycli deploy|bob|0",
                "2026-03-02T09:02:00Z|cmd mycli status|bob|0");
        infer("--funnels", file.toString());
        assertThat(attempts("onboarding")).containsExactly(
                "1 | ann | 2026-03-01T10:00Z | 2026-03-02T10:00Z | window | 3 | completed | null",
                "2 | bob | 2026-03-02T09:00Z | 2026-03-03T09:00Z | window | 1 | dropped | null");
        assertThat(rows("SELECT funnel, attempt_id, command FROM funnel_drop_off_commands ORDER BY ALL"))
                .containsExactly("onboarding | 2 | mycli deploy", "onboarding | 2 | mycli status");
        assertThat(rows("SELECT funnel, step, step_name FROM funnel_steps WHERE funnel = 'onboarding' ORDER BY step"))
                .containsExactly("onboarding | 1 | mycli init", "onboarding | 2 | CLI Auth Completed",
                        "onboarding | 3 | mycli deploy (success)");
        // the file is saved with the run: a plain infer computes the same funnels
        infer();
        assertThat(attempts("onboarding")).hasSize(2);
    }
}
