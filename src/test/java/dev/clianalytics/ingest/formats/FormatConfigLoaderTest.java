package dev.clianalytics.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("workflows.yaml"), yaml);
    }

    @Test
    void aFileWithoutFormatSectionsGivesTheDefaultsAndLeavesInferKeysAlone() throws IOException {
        Path f = file("""
                entry_commands: [init, login]
                workflow_names:
                  deploy: [plan, apply]
                """);
        assertThat(FormatConfigLoader.load(f)).isEqualTo(FormatConfig.defaults());
        assertThat(FormatConfigLoader.load(file(""))).isEqualTo(FormatConfig.defaults());
    }

    @Test
    void givenKeysOverrideTheDefaultsAndTheRestStays() throws IOException {
        FormatConfig c = FormatConfigLoader.load(file("""
                terminal_commands: [apply]
                posthog:
                  default_tool: arcade
                  success_events: [command ok, CLI execution succeeded]
                  properties:
                    command: cmd
                    machine_id: [host_id, $device_id]
                segment:
                  ignore_events: [Download]
                  properties:
                    invocation_id: run_id
                """));
        assertThat(c.posthog().defaultTool()).isEqualTo("arcade");
        assertThat(c.posthog().successEvents()).containsExactlyInAnyOrder("command ok", "CLI execution succeeded");
        assertThat(c.posthog().failureEvents()).containsExactly("CLI execution failed");
        assertThat(c.posthog().prop("command")).containsExactly("cmd");
        assertThat(c.posthog().prop("machine_id")).containsExactly("host_id", "$device_id");
        assertThat(c.posthog().prop("tool_version")).containsExactly("cli_version");
        assertThat(c.segment().ignoreEvents()).isEqualTo(Set.of("Download"));
        assertThat(c.segment().prop("invocation_id")).isEqualTo(List.of("run_id"));
        assertThat(c.segment().invokedEvents()).containsExactly("Command Invoked");
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() throws IOException {
        Path f = file("""
                posthog:
                  default_tool: arcade
                  succes_events: [x]
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(f))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessage("workflows file " + f + ", line 3: unknown key 'posthog.succes_events' (expected default_tool, "
                        + "command_separator, success_events, failure_events, alias_events, identify_events, properties)");
    }

    @Test
    void anUnknownPropertyFieldOrTopLevelKeyNamesItsKey() throws IOException {
        Path f = file("""
                segment:
                  properties:
                    invocation: run_id
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(f))
                .hasMessageStartingWith("workflows file " + f + ", line 3: unknown key 'segment.properties.invocation' (expected invocation_id,");
        Path top = file("""
                entry_commands: [init]
                posthgo:
                  default_tool: x
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(top)).hasMessage("workflows file " + top
                + ", line 2: unknown key 'posthgo' (expected entry_commands, terminal_commands, workflow_names, posthog or segment)");
    }

    @Test
    void wrongTypesNameFileLineAndKey() throws IOException {
        Path list = file("""
                segment:
                  failed_events: Command Failed
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(list))
                .hasMessage("workflows file " + list + ", line 2: segment.failed_events must be a list of names, e.g. [name1, name2]");
        Path string = file("""
                posthog:
                  default_tool: [a, b]
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(string))
                .hasMessage("workflows file " + string + ", line 2: posthog.default_tool must be a non-empty string");
        Path section = file("posthog: yes\n");
        assertThatThrownBy(() -> FormatConfigLoader.load(section))
                .hasMessage("workflows file " + section + ", line 1: posthog must be a mapping of keys, e.g. {default_tool: mycli}");
        Path nested = file("""
                posthog:
                  properties:
                    command: {a: 1}
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(nested)).hasMessage("workflows file " + nested
                + ", line 3: posthog.properties.command must be a list of names or one name, e.g. [name1, name2]");
        Path item = file("""
                segment:
                  invoked_events:
                    - Command Invoked
                    - 3
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(item))
                .hasMessage("workflows file " + item + ", line 4: segment.invoked_events must be a list of non-empty names");
        Path twice = file("""
                segment:
                  default_tool: a
                  default_tool: b
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(twice))
                .hasMessage("workflows file " + twice + ", line 3: key 'segment.default_tool' appears twice");
    }

    @Test
    void malformedYamlAndMissingFilesAreClearErrorsThatNeverQuoteTheInput() throws IOException {
        Path bad = file("posthog:\n  default_tool: 'secret-value\n");
        assertThatThrownBy(() -> FormatConfigLoader.load(bad))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessageStartingWith("workflows file " + bad)
                .hasMessageContaining("not valid YAML")
                .hasMessageNotContaining("secret-value");
        Path absent = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> FormatConfigLoader.load(absent))
                .hasMessage("workflows file " + absent + " does not exist");
    }
}
