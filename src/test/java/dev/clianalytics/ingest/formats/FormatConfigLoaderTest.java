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
                .hasMessage(f + ":3: posthog.succes_events: unknown key (known keys: default_tool, command_separator, "
                        + "success_events, failure_events, alias_events, identify_events, properties)");
    }

    @Test
    void anUnknownPropertyFieldNamesItsKey() throws IOException {
        Path f = file("""
                segment:
                  properties:
                    invocation: run_id
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(f))
                .hasMessageStartingWith(f + ":3: segment.properties.invocation: unknown key (known keys: invocation_id,");
    }

    @Test
    void wrongTypesNameFileLineAndKey() throws IOException {
        Path list = file("""
                segment:
                  failed_events: Command Failed
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(list))
                .hasMessage(list + ":2: segment.failed_events: expected a list of strings");
        Path string = file("""
                posthog:
                  default_tool: [a, b]
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(string))
                .hasMessage(string + ":2: posthog.default_tool: expected a non-empty string");
        Path section = file("posthog: yes\n");
        assertThatThrownBy(() -> FormatConfigLoader.load(section))
                .hasMessage(section + ":1: posthog: expected a mapping of keys");
        Path nested = file("""
                posthog:
                  properties:
                    command: {a: 1}
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(nested))
                .hasMessage(nested + ":3: posthog.properties.command: expected a list of strings or a string");
        Path item = file("""
                segment:
                  invoked_events:
                    - Command Invoked
                    - 3
                """);
        assertThatThrownBy(() -> FormatConfigLoader.load(item))
                .hasMessage(item + ":4: segment.invoked_events: expected a list of non-empty strings");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path f = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> FormatConfigLoader.load(f))
                .isInstanceOf(CliAnalyticsException.class)
                .hasMessageStartingWith("cannot read settings file " + f);
    }
}
