package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** SPEC §5.2: where workflow runs start and end, their names and fingerprints. */
class WorkflowRunsTest extends InferTestBase {
    @Test
    void entryTerminalToolChangeAndBuildPushSplitRuns() throws Exception {
        // plan | init (entry) apply (no exit code: does not end the run) plan apply |
        // show (after a terminal with an exit code) | kubectl config view (tool change; the leaf
        // 'view' decides, not 'config') get apply | docker build | docker push
        load("runs_rules.jsonl");
        infer();
        assertThat(rows("SELECT workflow_run_id, session_id, tool_name, workflow_name, outcome, step_count, fingerprint"
                + " FROM workflow_runs ORDER BY 1")).containsExactly(
                        "1 | 1 | terraform | terraform_workflow | ABANDONED | 1 | terraform/plan",
                        "2 | 1 | terraform | apply_workflow | SUCCESS | 4 | terraform/init -> terraform/apply -> terraform/plan -> terraform/apply",
                        "3 | 1 | terraform | terraform_workflow | ABANDONED | 1 | terraform/show",
                        "4 | 1 | kubectl | apply_workflow | SUCCESS | 3 | kubectl/config/view -> kubectl/get/pods -> kubectl/apply",
                        "5 | 1 | docker | build_workflow | SUCCESS | 1 | docker/build",
                        "6 | 1 | docker | push_workflow | SUCCESS | 1 | docker/push");
        assertThat(rows("SELECT workflow_run_id, position, step, is_entry, is_terminal, ngram2, ngram3 FROM workflow_steps"
                + " WHERE workflow_run_id IN (2, 4) ORDER BY 1, 2")).containsExactly(
                        "2 | 1 | terraform/init | true | false | null | null",
                        "2 | 2 | terraform/apply | false | true | terraform/init -> terraform/apply | null",
                        "2 | 3 | terraform/plan | false | false | terraform/apply -> terraform/plan | terraform/init -> terraform/apply -> terraform/plan",
                        "2 | 4 | terraform/apply | false | true | terraform/plan -> terraform/apply | terraform/apply -> terraform/plan -> terraform/apply",
                        "4 | 1 | kubectl/config/view | false | false | null | null",
                        "4 | 2 | kubectl/get/pods | false | false | kubectl/config/view -> kubectl/get/pods | null",
                        "4 | 3 | kubectl/apply | false | true | kubectl/get/pods -> kubectl/apply | kubectl/config/view -> kubectl/get/pods -> kubectl/apply");
    }

    @Test
    void namesTakeTheMostFrequentTerminalTiesToTheFirstSeenElseTheTool() {
        // ann: test (no exit code), build -> tie, test seen first; ben: run, build, build -> build;
        // cat: no terminal command -> kubectl_workflow; dan: flags sorted in the fingerprint;
        // longer runs: eve run, build, images, inspect -> tie, run first; fay test, build, build, ls -> build
        load("names.jsonl");
        infer();
        assertThat(rows("SELECT actor_hash, workflow_name, fingerprint FROM workflow_runs ORDER BY 1")).containsExactly(
                "ann | test_workflow | npm/test -> npm/build",
                "ben | build_workflow | docker/run -> docker/build -> docker/build",
                "cat | kubectl_workflow | kubectl/get -> kubectl/describe",
                "dan | apply_workflow | terraform/apply[--auto-approve,--lock]",
                "eve | run_workflow | docker/run -> docker/build -> docker/images -> docker/inspect",
                "fay | build_workflow | npm/test -> npm/build -> npm/build -> npm/ls");
    }

    @Test
    void customNamesAndCommandSetsComeFromTheWorkflowsFile() throws Exception {
        var yaml = dir.resolve("workflows.yaml");
        Files.writeString(yaml, """
                # deploys are named after the tool; 'show' ends a run, 'plan' starts one
                entry_commands: [init, plan]
                terminal_commands: [apply, build, push, show]
                workflow_names:
                  - {tool: terraform, terminal: apply, name: terraform_deploy}
                  - tool: Docker
                    terminal: push
                    name: image_release
                posthog:
                  default_tool: arcade
                segment: {}
                """);
        load("runs_rules.jsonl");
        infer("--workflows", yaml.toString());
        assertThat(rows("SELECT workflow_run_id, workflow_name, outcome, fingerprint FROM workflow_runs ORDER BY 1"))
                .containsExactly(
                        "1 | terraform_workflow | ABANDONED | terraform/plan",
                        "2 | terraform_deploy | ABANDONED | terraform/init -> terraform/apply",
                        "3 | terraform_deploy | SUCCESS | terraform/plan -> terraform/apply",
                        "4 | show_workflow | SUCCESS | terraform/show",
                        "5 | apply_workflow | SUCCESS | kubectl/config/view -> kubectl/get/pods -> kubectl/apply",
                        "6 | build_workflow | SUCCESS | docker/build",
                        "7 | image_release | SUCCESS | docker/push");
        assertThat(rows("SELECT workflows_file, workflows_config->>'$.workflow_names[0].name' FROM infer_runs"))
                .containsExactly("workflows.yaml | terraform_deploy");
    }

    @Test
    void aRunTakesTheToolVersionOfItsLastEventAndDurationFromItsFirstTimestampToItsLastEnd() {
        Fixtures.loadLines(db(), java.util.List.of(
                "{\"timestamp\":\"2026-03-01T10:00:00.250Z\",\"tool_name\":\"terraform\",\"tool_version\":\"1.6.0\","
                        + "\"command_path\":[\"terraform\",\"init\"],\"exit_code\":0,\"duration_ms\":1500,\"actor_id\":\"a\",\"machine_id\":\"m\"}",
                "{\"timestamp\":\"2026-03-01T10:02:00Z\",\"tool_name\":\"terraform\",\"tool_version\":\"1.7.1\","
                        + "\"command_path\":[\"terraform\",\"apply\"],\"exit_code\":0,\"actor_id\":\"a\",\"machine_id\":\"m\"}"));
        infer();
        assertThat(rows("SELECT tool_version, started_at, ended_at, duration_ms FROM workflow_runs"))
                .containsExactly("1.7.1 | 2026-03-01T10:00:00.250Z | 2026-03-01T10:02Z | 119750");
    }
}
