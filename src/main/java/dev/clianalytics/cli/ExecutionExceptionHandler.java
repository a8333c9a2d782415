package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Interrupts;
import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Prints a failed command's message as one line on stderr. Known user errors never show a stack
 * trace unless --verbose; unexpected ones say that they are a bug and how to see the trace.
 */
final class ExecutionExceptionHandler implements IExecutionExceptionHandler {
    private final RootCommand root;

    ExecutionExceptionHandler(RootCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (Interrupts.interrupting() && !root.verbose()) {
            // the Ctrl-C hook interrupted the work and says so itself, in one line
            return ExitCodes.INTERRUPTED;
        }
        String prefix = cmd.getColorScheme().errorText("error: ").toString();
        if (ex instanceof CliAnalyticsException) {
            err.println(prefix + ex.getMessage());
        } else {
            err.println(prefix + "unexpected " + ex.getClass().getSimpleName() + ": " + safeMessage(ex)
                    + (root.verbose() ? "" : " (run again with --verbose for details)"));
        }
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cmd.getExitCodeExceptionMapper().getExitCode(ex);
    }

    /** Messages of unexpected exceptions are cut: they may quote input, which can hold secrets. */
    private static String safeMessage(Exception ex) {
        String message = String.valueOf(ex.getMessage());
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
    }
}
