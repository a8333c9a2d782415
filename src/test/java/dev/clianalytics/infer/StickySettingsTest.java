package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plain infer computes what the last one did: options > cli-analytics.yaml > the last infer's
 * settings (not with --defaults) > built-in, setting by setting, and says which it used.
 */
class StickySettingsTest extends InferTestBase {
    private static final String NAMES = "workflow_names:\n  - {tool: terraform, terminal: apply, name: tf_deploy}\n";

    private Path workflows;

    @BeforeEach
    void events() throws Exception {
        load("terraform_basic.jsonl");
        workflows = Files.writeString(dir.resolve("wf.yaml"), NAMES);
    }

    private Path settingsFile(String yaml) throws Exception {
        return Files.writeString(dir.resolve("cli-analytics.yaml"), yaml);
    }

    private String names() {
        return String.join(",", rows("SELECT DISTINCT workflow_name FROM workflow_runs ORDER BY 1"));
    }

    private String lastInfer() {
        return rows("SELECT session_timeout_ms, workflows_file FROM infer_runs ORDER BY infer_id DESC LIMIT 1").get(0);
    }

    /** The line infer prints before its summary. */
    private static String settingsLine(CliRun.Result r) {
        return r.err().lines().findFirst().orElse("");
    }

    @Test
    void theFirstInferSaysItUsesTheBuiltInSettings() {
        assertThat(settingsLine(infer())).isEqualTo("using the built-in settings: session timeout 30m, default workflows");
        assertThat(names()).isEqualTo("apply_workflow");
    }

    @Test
    void aPlainInferReusesTheLastSettingsEvenWhenTheWorkflowsFileIsGone() throws Exception {
        infer("--workflows", workflows.toString(), "--session-timeout", "1h");
        Files.delete(workflows);

        CliRun.Result r = infer();

        assertThat(settingsLine(r)).isEqualTo(
                "using the settings of the last infer: session timeout 1h, workflows wf.yaml (saved copy)");
        assertThat(names()).isEqualTo("tf_deploy");
        assertThat(lastInfer()).isEqualTo("3600000 | wf.yaml");
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("2");
    }

    @Test
    void defaultsGoesBackToTheBuiltInSettingsWhichThenStick() {
        infer("--workflows", workflows.toString(), "--session-timeout", "1h");

        assertThat(settingsLine(infer("--defaults"))).isEqualTo(
                "using the built-in settings: session timeout 30m, default workflows");
        assertThat(names()).isEqualTo("apply_workflow");
        assertThat(lastInfer()).isEqualTo("1800000 | null");
        assertThat(settingsLine(infer())).isEqualTo(
                "using the settings of the last infer: session timeout 30m, default workflows");
    }

    @Test
    void anOptionOverridesOnlyItself() {
        infer("--workflows", workflows.toString(), "--session-timeout", "1h");

        CliRun.Result r = infer("--session-timeout", "2h");

        assertThat(settingsLine(r)).isEqualTo("using session timeout 2h (given), workflows wf.yaml (last infer, saved copy)");
        assertThat(names()).isEqualTo("tf_deploy");
        assertThat(lastInfer()).isEqualTo("7200000 | wf.yaml");
    }

    @Test
    void asOfIsNotCarriedOver() {
        infer("--as-of", "2026-01-01");
        infer();
        assertThat(rows("SELECT as_of_given FROM infer_runs ORDER BY infer_id")).containsExactly("true", "false");
    }

    @Test
    void theSettingsFileBesideTheDatabaseIsReadWithInlineWorkflows() throws Exception {
        Path file = settingsFile("session_timeout: 1h\nworkflows:\n  " + NAMES.replace("\n  ", "\n    ")
                + "privacy: [reserved]\n");

        CliRun.Result r = infer();

        assertThat(settingsLine(r)).isEqualTo("using the settings of " + file + ": session timeout 1h, inline workflows");
        assertThat(names()).isEqualTo("tf_deploy");
        assertThat(lastInfer()).isEqualTo("3600000 | cli-analytics.yaml");
    }

    @Test
    void aWorkflowsPathInTheSettingsFileIsRelativeToIt() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.move(workflows, dir.resolve("conf/names.yaml"));
        Path file = settingsFile("workflows: conf/names.yaml\n");

        CliRun.Result r = infer();

        assertThat(settingsLine(r)).isEqualTo("using session timeout 30m (built-in), workflows names.yaml (" + file + ")");
        assertThat(names()).isEqualTo("tf_deploy");
    }

    @Test
    void optionsBeatTheSettingsFileWhichBeatsTheLastInfer() throws Exception {
        infer("--workflows", workflows.toString(), "--session-timeout", "2h");
        Path file = settingsFile("session_timeout: 45m\n");

        assertThat(settingsLine(infer())).isEqualTo(
                "using session timeout 45m (" + file + "), workflows wf.yaml (last infer, saved copy)");
        assertThat(lastInfer()).isEqualTo("2700000 | wf.yaml");
        assertThat(settingsLine(infer("--session-timeout", "10m"))).isEqualTo(
                "using session timeout 10m (given), workflows wf.yaml (last infer, saved copy)");
        assertThat(lastInfer()).isEqualTo("600000 | wf.yaml");
    }

    @Test
    void defaultsStillAppliesTheSettingsFile() throws Exception {
        infer("--workflows", workflows.toString());
        Path file = settingsFile("session_timeout: 45m\n");

        assertThat(settingsLine(infer("--defaults"))).isEqualTo(
                "using session timeout 45m (" + file + "), default workflows (built-in)");
        assertThat(names()).isEqualTo("apply_workflow");
    }

    @Test
    void anUnknownKeyInTheSettingsFileIsAnErrorNamingTheFileLineAndKey() throws Exception {
        infer();
        Path file = settingsFile("# project settings\nsesion_timeout: 1h\n");

        CliRun.Result r = CliRun.withDb(db()).run("infer");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: settings file " + file + ", line 2: unknown key 'sesion_timeout'"
                + " (expected session_timeout, workflows or funnels; privacy is reserved)\n");
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("1");
    }

    @Test
    void funnelsInTheSettingsFileInlineOrByPathAreComputedBesideTheBuiltInOnes() throws Exception {
        String funnel = "- name: onboarding\n  steps:\n    - command: [terraform, init]\n"
                + "    - command: [terraform, apply]\n      outcome: success\n  window: 1d\n";
        settingsFile("funnels:\n" + funnel);
        infer();
        assertThat(rows("SELECT funnel FROM funnels ORDER BY position")).containsExactly(
                "auth", "application_create", "plan_upgrade", "plan_downgrade", "onboarding");
        assertThat(rows("SELECT funnels_file FROM infer_runs ORDER BY infer_id DESC LIMIT 1")).containsExactly("cli-analytics.yaml");

        Files.writeString(dir.resolve("flows.yaml"), "funnels:\n" + funnel.replace("onboarding", "first_apply"));
        settingsFile("funnels: flows.yaml\n");
        infer();
        assertThat(rows("SELECT funnel FROM funnels WHERE NOT builtin")).containsExactly("first_apply");
        assertThat(rows("SELECT funnels_file FROM infer_runs ORDER BY infer_id DESC LIMIT 1")).containsExactly("flows.yaml");

        Path file = settingsFile("funnels:\n- name: broken\n  steps:\n    - window: 1h\n");
        CliRun.Result r = CliRun.withDb(db()).run("infer");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).startsWith("error: settings file " + file + ", line ");
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("2");
    }

    @Test
    void badValuesInTheSettingsFileNameTheFileAndLine() throws Exception {
        Path file = settingsFile("session_timeout: 1h\nworkflows:\n  names: []\n");
        CliRun.Result r = CliRun.withDb(db()).run("infer");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: settings file " + file + ", line 3: unknown key 'workflows.names' (expected"
                + " entry_commands, terminal_commands, workflow_names, posthog or segment)\n");

        settingsFile("session_timeout: 30\n");
        r = CliRun.withDb(db()).run("infer");
        assertThat(r.err()).isEqualTo("error: settings file " + file + ", line 1: session_timeout must be a positive"
                + " duration with a unit, e.g. 30m, 1h, 90s or 1h30m\n");

        settingsFile("workflows: missing.yaml\n");
        r = CliRun.withDb(db()).run("infer");
        assertThat(r.err()).isEqualTo("error: settings file " + file + ", line 1: workflows names the file "
                + dir.resolve("missing.yaml") + ", which does not exist (a path is relative to the settings file)\n");
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("0");
    }
}
