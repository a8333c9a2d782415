package dev.clianalytics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * 'help COMMAND...': a command's help, as COMMAND --help prints it. picocli's HelpCommand, except
 * that it follows a path of any depth (help report summary), as gh's help does.
 */
@Command(name = "help", helpCommand = true,
        description = {"Show a command's help: its options and examples.",
            "The same as COMMAND --help; without a COMMAND, the help of cli-analytics itself."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics help ingest", "  cli-analytics help report summary"})
final class HelpCommand implements IHelpCommandInitializable2, Runnable {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", completionCandidates = Candidates.Commands.class, description = "The command, e.g. ingest or report summary.")
    List<String> commands = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        List<String> path = new ArrayList<>();
        for (String name : commands) {
            CommandLine next = target.getSubcommands().get(name);
            path.add(name);
            if (next == null) {
                throw new ParameterException(self, "unknown command '" + String.join(" ", path) + "'; "
                        + (target == self.getParent() ? "commands" : "subcommands of '" + target.getCommandName() + "'")
                        + ": " + String.join(", ", target.getSubcommands().keySet()));
            }
            target = next;
        }
        target.usage(out, colorScheme);
        out.flush();
    }
}
