package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.infer.WorkflowConfig.WorkflowName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflows YAML file: shape, defaults, and errors that name the file, line and key. */
class WorkflowConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedDefaultsAreTheSpecLists() {
        WorkflowConfig d = WorkflowConfig.defaults();
        assertThat(d.entryCommands()).containsExactly("init", "login", "setup", "config", "configure", "create", "new", "start", "begin");
        assertThat(d.terminalCommands()).containsExactly(
                "deploy", "apply", "release", "publish", "scan", "test", "build", "push", "run", "execute");
        assertThat(d.workflowNames()).isEmpty();
    }

    @Test
    void givenKeysReplaceDefaultsOthersStayAndFormatSectionsAreLeftToTheReaders() throws Exception {
        WorkflowConfig c = load("""
                terminal_commands: [Apply, ship]
                workflow_names:
                  - {tool: terraform, terminal: apply, name: terraform_deploy}
                posthog:
                  default_tool: arcade
                  anything: [goes, here]
                segment:
                """);
        assertThat(c.entryCommands()).isEqualTo(WorkflowConfig.defaults().entryCommands());
        assertThat(c.terminalCommands()).containsExactly("apply", "ship");
        assertThat(c.workflowNames()).containsExactly(new WorkflowName("terraform", "apply", "terraform_deploy"));
    }

    @Test
    void anEmptyFileMeansTheDefaults() throws Exception {
        assertThat(load("# nothing to change\n")).isEqualTo(WorkflowConfig.defaults());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> load("entry_commands: [init]\nterminals: [apply]\n"))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessage("workflows file " + dir.resolve("w.yaml") + ", line 2: unknown key 'terminals'"
                        + " (expected entry_commands, terminal_commands, workflow_names, posthog or segment)");
    }

    @Test
    void wrongTypesAndBadValuesAreNamedWithTheirLines() {
        assertError("entry_commands: init\n", "line 1: entry_commands must be a list of command names");
        assertError("entry_commands:\n  - init\n  - 42\n", "line 3: entry_commands[1] must be a command name");
        assertError("workflow_names:\n  - {tool: terraform, terminal: apply}\n", "line 2: workflow_names[0] lacks the key 'name'");
        assertError("workflow_names:\n  - {tool: terraform, terminal: apply, name: x, colour: red}\n",
                "line 2: unknown key 'workflow_names[0].colour'");
        assertError("workflow_names:\n  - {tool: terraform, terminal: plan, name: x}\n",
                "line 2: workflow_names[0].terminal is not one of terminal_commands");
        assertError("entry_commands: [init]\nentry_commands: [new]\n", "line 2: key 'entry_commands' appears twice");
        assertError("- init\n- apply\n", "line 1: the file must be a mapping");
    }

    @Test
    void malformedYamlNamesTheLineButNeverQuotesTheContent() {
        assertThatThrownBy(() -> load("entry_commands: [init]\n  terminal_commands: [secret-token-123]\n"))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessageStartingWith("workflows file " + dir.resolve("w.yaml") + ", line ")
                .hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token-123"));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> WorkflowConfigLoader.load(dir.resolve("none.yaml")))
                .hasMessage("workflows file " + dir.resolve("none.yaml") + " does not exist");
    }

    @Test
    void timeoutsAndInstantsParseInTheDocumentedForms() {
        assertThat(InferSettings.parseTimeout("30m")).hasMinutes(30);
        assertThat(InferSettings.parseTimeout("1h30m")).hasMinutes(90);
        assertThat(InferSettings.parseTimeout("90s")).hasSeconds(90);
        assertThat(InferSettings.parseTimeout("500ms")).hasMillis(500);
        assertThat(InferSettings.parseTimeout("PT2H")).hasHours(2);
        for (String bad : List.of("30", "0m", "m", "30x", "-5m", "1h 30m", "")) {
            assertThatThrownBy(() -> InferSettings.parseTimeout(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(InferSettings.parseInstant("2026-03-01T14:00:00+02:00")).hasToString("2026-03-01T12:00:00Z");
        assertThat(InferSettings.parseInstant("2026-03-01T12:00:00")).hasToString("2026-03-01T12:00:00Z");
        assertThat(InferSettings.parseInstant("2026-03-01")).hasToString("2026-03-01T00:00:00Z");
        assertThatThrownBy(() -> InferSettings.parseInstant("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertError(String yaml, String expected) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessageStartingWith("workflows file " + dir.resolve("w.yaml") + ", " + expected);
    }

    private WorkflowConfig load(String yaml) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, yaml);
        return WorkflowConfigLoader.load(file);
    }
}
