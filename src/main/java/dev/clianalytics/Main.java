package dev.clianalytics;

import dev.clianalytics.cli.CommandLineFactory;

/** Entry point: builds the command line, runs it and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = CommandLineFactory.create(args).execute(args);
        System.out.flush();
        System.exit(code);
    }
}
