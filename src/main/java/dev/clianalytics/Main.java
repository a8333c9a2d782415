package dev.clianalytics;

import dev.clianalytics.cli.CommandLineFactory;
import dev.clianalytics.cli.CtrlC;

/** Entry point: builds the command line, runs it and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CtrlC ctrlC = CtrlC.install(Boolean.getBoolean("cli.analytics.stderr.tty"));
        int code = CommandLineFactory.run(args);
        System.out.flush();
        ctrlC.finished();
        System.exit(code);
    }
}
