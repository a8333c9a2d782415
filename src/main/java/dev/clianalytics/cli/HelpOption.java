package dev.clianalytics.cli;

import picocli.CommandLine.Option;

/**
 * -h/--help for every subcommand. --version is the root's alone, as in gh and kubectl: picocli's
 * standard mixin would list it on each subcommand, where it printed nothing.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
