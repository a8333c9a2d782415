package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'completion bash|zsh|fish' prints a script naming every command; where the shell is installed,
 * the script is loaded and asked for completions as the shell would.
 */
class CompletionTest {
    static final List<String> COMMANDS = List.of("generate", "ingest", "infer", "report", "export", "status", "check", "demo",
            "completion", "help");

    @TempDir
    Path dir;

    @Test
    void everyShellGetsAScriptWithEveryCommandOnStdout() {
        for (String shell : List.of("bash", "zsh", "fish")) {
            Result r = CliRun.withDb(null).run("completion", shell);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).as(r.toString()).isEmpty();
            assertThat(r.out()).as(shell).contains(COMMANDS).contains("summary", "workflow", "hot-paths")
                    .contains("since", "result-format", "exclude-ci");
        }
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Result r = CliRun.withDb(null).run("completion", "tcsh");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("expected one of [bash, zsh, fish]");
    }

    @Test
    void bashCompletesCommandsReportsAndFormatValues() throws Exception {
        Path script = write("bash");
        assumeTrue(available("bash"), "bash is not installed");
        String test = "source " + script + " 2>/dev/null\n"
                + "try() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=\"$*\";"
                + " COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _complete_cli-analytics 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                + "try cli-analytics ''\ntry cli-analytics report ''\ntry cli-analytics report summary --format ''\n"
                + "try cli-analytics export --format ''\n";
        assertThat(shell("bash", "-c", test)).isEqualTo(String.join(" ", COMMANDS) + "\n"
                + "summary workflow hot-paths versions errors trends variants graph funnel html privacy\ntable json csv markdown\ncsv jsonl parquet xes\n");
    }

    @Test
    void zshLoadsTheScript() throws Exception {
        Path script = write("zsh");
        assumeTrue(available("zsh"), "zsh is not installed");
        assertThat(shell("zsh", "-c", "autoload -U +X compinit && compinit -u; source " + script + " && echo loaded"))
                .isEqualTo("loaded\n");
    }

    @Test
    void fishCompletesCommandsAfterOptionsAndFormatValues() throws Exception {
        Path script = write("fish");
        assumeTrue(available("fish"), "fish is not installed");
        String test = "source " + script + "\n"
                + "complete -C'cli-analytics ' | string replace -r '\\t.*' ''\n"
                + "complete -C'cli-analytics --db x.duckdb report ' | string replace -r '\\t.*' ''\n"
                + "complete -C'cli-analytics report summary --format ' | string replace -r '\\t.*' ''\n";
        assertThat(shell("fish", "--no-config", "-c", test).split("\n")).containsExactly(
                "check", "completion", "demo", "export", "generate", "help", "infer", "ingest", "report", "status",
                "errors", "funnel", "graph", "hot-paths", "html", "privacy", "summary", "trends", "variants", "versions", "workflow",
                "csv", "json", "markdown", "table");
    }

    private Path write(String shell) throws IOException {
        Result r = CliRun.withDb(null).run("completion", shell);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return Files.writeString(dir.resolve("completion." + shell), r.out());
    }

    private static boolean available(String shell) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, shell))) {
                return true;
            }
        }
        return false;
    }

    private String shell(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
