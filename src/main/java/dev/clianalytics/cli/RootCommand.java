package dev.clianalytics.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "cli-analytics",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Offline analytics for command-line telemetry: ingest one event per command run,",
            "infer sessions, workflow runs and outcomes, and report where users fail."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  cli-analytics demo                    # the whole pipeline on sample data",
            "  cli-analytics generate -o events.jsonl",
            "  cli-analytics ingest events.jsonl     # load, sanitized, into the database",
            "  cli-analytics infer                   # sessions, workflow runs, outcomes",
            "  cli-analytics report summary",
            "  cli-analytics status                  # what the database holds",
            "  cli-analytics help ingest             # one command's options and examples",
            "",
            "Environment:",
            "  CLI_ANALYTICS_DB         default database file",
            "  CLI_ANALYTICS_SALT       salt for hashing ids (else a random one in <db>.salt)",
            "  CLI_ANALYTICS_REVEAL_AT  ingest's --reveal-at default (else 2)",
            "  CLI_ANALYTICS_JAVA_OPTS  JVM options for bin/cli-analytics",
            "  NO_COLOR                 no colour and no progress bars",
            "",
            "Exit codes: 0 ok, 1 failure, 2 usage error, 3 too many rejected lines,",
            "            4 database busy or unreadable, 5 a check rule failed,",
            "            130 interrupted (143: SIGTERM)."
        })
public final class RootCommand implements Runnable {
    static final String DEFAULT_DB = "cli-analytics.duckdb";

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The database file (default: $CLI_ANALYTICS_DB, else " + DEFAULT_DB + ").")
    Path db;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show more detail, and stack traces on errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Show only errors and the command's data.")
    boolean quiet;

    private final Map<String, String> env;
    private final Terminal terminal;
    private final InputStream stdin;
    private final OutputStream stdout;

    RootCommand(Map<String, String> env, Terminal terminal, InputStream stdin, OutputStream stdout) {
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether --db was given (not taken from the environment or the default). */
    boolean dbGiven() {
        return db != null;
    }

    boolean verbose() {
        return verbose;
    }

    boolean colour() {
        return terminal.stderr() && !env.containsKey("NO_COLOR");
    }

    /** The options every subcommand receives, resolved against the environment. */
    public GlobalOptions options() {
        Path path = db != null ? db : Path.of(env.getOrDefault("CLI_ANALYTICS_DB", DEFAULT_DB));
        // a dumb terminal cannot redraw a line in place
        boolean progress = colour() && !quiet && !"dumb".equals(env.get("TERM"));
        return new GlobalOptions(path, verbose, quiet, progress, env, stdin, stdout, terminal);
    }

    /** The root of any command in the tree, for subcommands at any depth. */
    public static GlobalOptions options(CommandSpec anySpec) {
        return ((RootCommand) anySpec.root().userObject()).options();
    }
}
