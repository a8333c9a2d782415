package dev.clianalytics.cli;

import dev.clianalytics.config.Durations;
import dev.clianalytics.db.LockWait;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** --wait [DURATION], for every command that opens the database: wait for another process's lock. */
final class WaitOption {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    @Option(names = "--wait", arity = "0..1", paramLabel = "DURATION", parameterConsumer = WaitConsumer.class,
            description = "When another process is using the database, wait for it up to DURATION (30s, 5m, 1h;"
                    + " default when given alone: 60s) instead of failing at once (exit 4).")
    Duration wait;

    /** The lock wait for this command: none, or up to --wait, saying once on stderr (unless -q) that it waits. */
    LockWait lockWait(GlobalOptions options, PrintWriter err) {
        if (wait == null) {
            return LockWait.NONE;
        }
        return new LockWait(wait, busy -> {
            if (!options.quiet()) {
                err.println("database " + busy.path() + " is in use by another process" + busy.holder()
                        + ": waiting up to " + Durations.format(wait) + " for it");
                err.flush();
            }
        });
    }

    /**
     * The value is optional, and an optional value would swallow the next argument (a file to
     * ingest, a workflow name): only an argument that starts with a digit is taken as the
     * duration (and must then be one); anything else is left for the command.
     */
    static final class WaitConsumer implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec arg, CommandSpec spec) {
            Duration value = DEFAULT_WAIT;
            if (!args.isEmpty() && !args.peek().isEmpty() && Character.isDigit(args.peek().charAt(0))) {
                String text = args.pop();
                try {
                    value = Durations.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "Invalid value for option '--wait': "
                            + e.getMessage(), arg, text);
                }
            }
            arg.setValue(value);
        }
    }
}
