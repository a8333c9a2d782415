package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The command line: usage errors, bad workflows files change nothing. */
class InferCommandTest extends InferTestBase {
    @Test
    void aBadTimeoutIsAUsageError() {
        CliRun.Result r = CliRun.withDb(db()).run("infer", "--session-timeout", "30");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--session-timeout': '30' is not a duration;"
                + " use a number and a unit, e.g. 30m, 1h, 90s, 1h30m, 500ms or 2d");
    }

    @Test
    void aBadAsOfIsAUsageError() {
        CliRun.Result r = CliRun.withDb(db()).run("infer", "--as-of", "soon");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--as-of': 'soon' is not an ISO-8601 timestamp");
    }

    @Test
    void aBadWorkflowsFileFailsAndLeavesThePreviousResults() throws Exception {
        load("runs_rules.jsonl");
        infer();
        var before = runs();
        var yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "entry_commands: [init]\nterminal_commands: [apply]\nnames: []\n");
        CliRun.Result r = CliRun.withDb(db()).run("infer", "--workflows", yaml.toString(), "--session-timeout", "1m");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: workflows file " + yaml + ", line 3: unknown key 'names' (expected"
                + " entry_commands, terminal_commands, workflow_names, posthog or segment)\n");
        assertThat(runs()).isEqualTo(before);
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("1");
    }

    @Test
    void verboseShowsTheTimeOfEveryModel() {
        load("terraform_basic.jsonl");
        CliRun.Result r = infer("-v");
        assertThat(r.err()).contains("  int_events_sessionized").contains("  hot_paths_ngram");
    }

    @Test
    void theReadableViewsWork() {
        load("outcomes.jsonl");
        infer("--as-of", "2026-03-01T12:00:00Z");
        assertThat(rows("SELECT workflow_name, outcome, duration, time_to_recover FROM v_workflow_runs"
                + " WHERE recovered")).containsExactly("test_workflow | FAILED | 00:01:00 | 00:09:30");
        assertThat(rows("SELECT session_timeout, as_of_given FROM v_infer_settings")).containsExactly("00:30:00 | true");
        assertThat(rows("SELECT count(*) FROM v_workflow_steps")).containsExactly("9");
        assertThat(rows("SELECT count(*) FROM v_sessions")).containsExactly("6");
        assertThat(rows("SELECT rank, failure_pct FROM v_hot_paths_ngram ORDER BY rank LIMIT 1")).containsExactly("1 | 50.0");
        assertThat(rows("SELECT count(*) FROM v_hot_paths_fingerprint")).containsExactly("3");
    }
}
