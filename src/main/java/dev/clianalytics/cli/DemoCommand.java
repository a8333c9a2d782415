package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on sample data in a fresh database: generate events,",
                "ingest them, infer workflows and print the summary, then the commands to try next.",
                "Nothing outside the demo directory is touched (--db is not used)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics demo", "  cli-analytics demo --events 100000 --dir demo/"})
final class DemoCommand implements Callable<Integer> {
    static final String EVENTS_FILE = "events.jsonl";
    static final String DB_FILE = "cli-analytics.duckdb";

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "10000",
            description = "Sample events to generate (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to put the sample events and the database: a new or empty directory "
                    + "(default: a new temporary directory).")
    Path dir;

    @Override
    public Integer call() {
        if (events < 1) {
            throw new ParameterException(spec.commandLine(), "--events must be at least 1, not " + events);
        }
        Path home = prepareDirectory();
        Path eventsFile = home.resolve(EVENTS_FILE);
        Path db = home.resolve(DB_FILE);
        runPipeline(eventsFile, db);
        printNextSteps(eventsFile, db);
        return ExitCodes.OK;
    }

    /** A fresh directory: the one given if it is new or empty (a demo never mixes with real data), else a temporary one. */
    private Path prepareDirectory() {
        try {
            if (dir == null) {
                return Files.createTempDirectory("cli-analytics-demo-");
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new CliAnalyticsException("--dir " + dir + " is a file, not a directory");
            }
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    if (entries.iterator().hasNext()) {
                        throw new CliAnalyticsException("--dir " + dir + " is not empty; the demo needs a new or empty"
                                + " directory so it cannot mix with (or overwrite) an existing database");
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot create the demo directory " + (dir == null ? "" : dir) + ": "
                    + e.getMessage(), e);
        }
    }

    private void runPipeline(Path eventsFile, Path db) {
        throw new CliAnalyticsException("'demo' needs generate, ingest and infer, which are not in this build yet");
    }

    private void printNextSteps(Path eventsFile, Path db) {
        GlobalOptions options = RootCommand.options(spec);
        if (options.quiet()) {
            return;
        }
        String d = quote(db.toString());
        PrintWriter err = spec.commandLine().getErr();
        for (String line : List.of(
                "",
                "The demo database is " + db + " (sample events: " + eventsFile + ").",
                "Try next:",
                "  cli-analytics --db " + d + " report workflow apply_workflow",
                "  cli-analytics --db " + d + " report hot-paths --top 5",
                "  cli-analytics --db " + d + " report summary --exclude-ci --format markdown",
                "  cli-analytics --db " + d + " export --to " + quote(db.resolveSibling("export").toString())
                        + " --format parquet",
                "  cli-analytics generate --events 100000 -o my-events.jsonl && cli-analytics ingest my-events.jsonl")) {
            err.println(line);
        }
        err.flush();
    }

    private static String quote(String path) {
        return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
