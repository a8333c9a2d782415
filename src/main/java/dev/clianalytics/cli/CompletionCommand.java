package dev.clianalytics.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Shell completion scripts from the command model, so they always match the commands. bash's is
 * picocli's; it also serves zsh (through bashcompinit, which the script loads itself). fish's is
 * FishCompletion's.
 */
@Command(name = "completion",
        description = {"Print a shell completion script for bash, zsh or fish.",
            "The script completes commands, options and their values; load it from your",
            "shell's start-up file (see the examples)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # bash, in ~/.bashrc:",
            "  source <(cli-analytics completion bash)",
            "  # zsh, in ~/.zshrc (after compinit):",
            "  source <(cli-analytics completion zsh)",
            "  # fish:",
            "  cli-analytics completion fish > ~/.config/fish/completions/cli-analytics.fish"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh, fish }

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        String name = root.name();
        String script = shell == Shell.fish
                ? FishCompletion.script(root)
                : AutoComplete.bash(name, root.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        if (!script.endsWith("\n")) {
            out.println();
        }
        out.flush();
        return ExitCodes.OK;
    }
}
