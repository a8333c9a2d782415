package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.generate.GenerateSettings;
import dev.clianalytics.generate.Generator;
import dev.clianalytics.infer.InferProgress;
import dev.clianalytics.infer.InferResult;
import dev.clianalytics.infer.InferService;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.ingest.ForeignReaders;
import dev.clianalytics.ingest.IngestProgress;
import dev.clianalytics.ingest.IngestRequest;
import dev.clianalytics.ingest.IngestResult;
import dev.clianalytics.ingest.Ingester;
import dev.clianalytics.ingest.InputFile;
import dev.clianalytics.ingest.InputFormat;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.Summary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"Run the whole pipeline on sample data in a fresh database.",
                "Generates events, ingests them, infers workflows and prints the summary, then",
                "the commands to try next. Nothing outside the demo directory is touched:",
                "--db and $CLI_ANALYTICS_DB are not used."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics demo", "  cli-analytics demo --events 100000 --dir demo/"})
final class DemoCommand implements Callable<Integer> {
    static final String EVENTS_FILE = "events.jsonl";
    static final String DB_FILE = "cli-analytics.duckdb";
    static final String HTML_FILE = "report.html";
    /** A few malformed lines show that ingest validates input and reports what it rejects. */
    static final double BAD_LINE_RATE = 0.001;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

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
        List<String> topWorkflow = new ArrayList<>();
        ReportRun.run(spec, db, ReportFormat.TABLE, (c, infer) -> {
            Summary summary = Reports.summary(c, infer, ReportFilter.NONE, 10);
            summary.topWorkflows().stream().findFirst().ifPresent(w -> topWorkflow.add(w.name()));
            return Layouts.summary(summary);
        });
        Path html = home.resolve(HTML_FILE);
        ReportHtmlCommand.writeFor(spec, db, html);
        printNextSteps(eventsFile, db, html, topWorkflow.isEmpty() ? "apply_workflow" : topWorkflow.get(0));
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

    /** generate → ingest → infer with the services the commands use, saying on stderr what each step did. */
    private void runPipeline(Path eventsFile, Path db) {
        GlobalOptions options = RootCommand.options(spec);
        PrintWriter err = spec.commandLine().getErr();
        GenerateSettings settings = new GenerateSettings(GenerateSettings.DEFAULT_SEED, events, BAD_LINE_RATE,
                GenerateSettings.OutputFormat.NATIVE);
        Generator.Summary generated;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(eventsFile, StandardOpenOption.CREATE_NEW))) {
            generated = Generator.write(settings, out);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot write sample events to " + eventsFile + ": " + e.getMessage(), e);
        }
        say(options, err, String.format(Locale.ROOT, "generate: %,d sample command runs (seed %d), %,d of them malformed on"
                + " purpose, into %s", generated.events(), settings.seed(), generated.badLines(), eventsFile));
        try (Database database = Database.open(db, options.dbSettings());
                InputFile input = InputFile.open(eventsFile.toString(), options.stdin())) {
            IngestProgress progress = options.progress() ? new ProgressBar(err, options.progressWidth())
                    : IngestProgress.NONE;
            IngestResult ingested;
            try {
                ingested = new Ingester(database, Salt.resolve(options.env(), db), ForeignReaders.NONE)
                        .run(new IngestRequest(List.of(input), InputFormat.NATIVE, null, false, null, IngestRequest.REVEAL_AT,
                                IngestCommand.knownWords()), progress);
            } finally {
                if (progress instanceof ProgressBar bar) {
                    bar.clear();
                }
            }
            say(options, err, String.format(Locale.ROOT, "ingest:   %,d events stored, %,d malformed lines rejected (never"
                    + " stored; ingest names each one's line and reason)", ingested.accepted(), ingested.rejected()));
            InferProgressLine steps = options.progress() ? new InferProgressLine(err, options.progressWidth()) : null;
            InferResult inferred;
            try {
                inferred = InferService.run(database, InferSettings.defaults(), steps == null ? InferProgress.NONE : steps);
            } finally {
                if (steps != null) {
                    steps.clear();
                }
            }
            say(options, err, String.format(Locale.ROOT, "infer:    %,d sessions, %,d workflow runs", inferred.sessions(),
                    inferred.workflowRuns()));
        }
    }

    private static void say(GlobalOptions options, PrintWriter err, String line) {
        if (!options.quiet()) {
            err.println(Wrap.forStderr(options, line));
            err.flush();
        }
    }

    private void printNextSteps(Path eventsFile, Path db, Path html, String workflow) {
        GlobalOptions options = RootCommand.options(spec);
        if (options.quiet()) {
            return;
        }
        String d = quote(db.toString());
        PrintWriter err = spec.commandLine().getErr();
        for (String line : List.of(
                "",
                "The demo database is " + db + " (sample events: " + eventsFile + ").",
                "The HTML report is " + html + " (open it in a browser).",
                "Try next:",
                "  cli-analytics --db " + d + " report workflow " + workflow,
                "  cli-analytics --db " + d + " report hot-paths --top 5",
                "  cli-analytics --db " + d + " report summary --exclude-ci --format markdown",
                "  cli-analytics --db " + d + " export --to " + quote(db.resolveSibling("export").toString())
                        + " --format parquet",
                "Funnels (sign-in, create, plan changes) read flow events, which Segment data carries:",
                "  cli-analytics generate --format segment | cli-analytics --db funnels.duckdb ingest -"
                        + " && cli-analytics --db funnels.duckdb report funnel auth",
                "Your own events (one JSON object per command run, see the README's event schema):",
                "  cli-analytics ingest events.jsonl && cli-analytics infer && cli-analytics report summary")) {
            err.println(line);
        }
        err.flush();
    }

    private static String quote(String path) {
        return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
