package dev.clianalytics.cli;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.infer.InferResult;
import dev.clianalytics.infer.InferService;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.infer.WorkflowConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "infer",
        description = {
            "Derive sessions, workflow runs, outcomes and failure hot paths.",
            "Rebuilds every derived table from all stored events in one transaction, so",
            "changed settings apply to all history."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  cli-analytics infer",
            "  cli-analytics infer --session-timeout 1h --workflows workflows.yaml",
            "  cli-analytics infer --as-of 2026-03-01T12:00:00Z",
            "  cli-analytics infer --format json | jq .workflow_runs"
        })
final class InferCommand implements Callable<Integer> {
    /**
     * DuckDB's memory limit for infer unless CLI_ANALYTICS_MEMORY_LIMIT is set: its intermediates
     * (about 1 GB at 5M events) then stay in memory instead of spilling to disk, and the whole
     * process stays under 1.5 GiB of RSS (docs/infer.md).
     */
    static final String INFER_MEMORY_LIMIT = "1200MB";

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--session-timeout", paramLabel = "DURATION", converter = TimeoutConverter.class,
            description = "Inactivity that ends a session, e.g. 30m, 1h, 90s, 1h30m (default: 30m).")
    Duration sessionTimeout = InferSettings.DEFAULT_SESSION_TIMEOUT;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP", converter = InstantConverter.class,
            description = "The instant that decides which runs are still IN_PROGRESS, ISO-8601"
                    + " (default: the latest event end).")
    Instant asOf;

    @Option(names = "--workflows", paramLabel = "FILE",
            description = "YAML with entry_commands, terminal_commands and workflow_names (see docs/infer.md).")
    Path workflows;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = Candidates.ResultFormats.class,
            description = "text (default: one line on stderr) or json (one object on stdout: the counts,"
                    + " the settings used and the time taken).")
    ResultJson.Format format;

    @Override
    public Integer call() {
        GlobalOptions options = RootCommand.options(spec);
        InferSettings settings = InferSettings.defaults().withSessionTimeout(sessionTimeout).withAsOf(asOf);
        if (workflows != null) {
            Path name = workflows.getFileName();
            settings = settings.withWorkflows(WorkflowConfigLoader.load(workflows), name == null ? null : name.toString());
        }
        InferResult result;
        try (Database db = Database.open(options.db(), settings(options))) {
            result = InferService.run(db, settings);
        }
        if (format == ResultJson.Format.json) {
            ResultJson.write(spec.commandLine().getOut(), result, settings);
        } else if (!options.quiet()) {
            spec.commandLine().getErr().println(summary(result));
        }
        if (options.verbose()) {
            result.timings().forEach((model, time) -> spec.commandLine().getErr().printf(Locale.ROOT,
                    "  %-24s %8.3f s%n", model, time.toNanos() / 1e9));
        }
        return 0;
    }

    static DbSettings settings(GlobalOptions options) {
        DbSettings settings = options.dbSettings();
        return options.env().containsKey("CLI_ANALYTICS_MEMORY_LIMIT") ? settings
                : new DbSettings(INFER_MEMORY_LIMIT, settings.threads());
    }

    static String summary(InferResult r) {
        String seconds = String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1000.0);
        if (r.events() == 0) {
            return "infer: no events in the database, derived tables are empty (" + seconds
                    + "); run 'cli-analytics ingest FILE' first";
        }
        String outcomes = InferResult.OUTCOMES.stream()
                .map(o -> o + " " + String.format(Locale.ROOT, "%,d", r.outcomes().get(o)))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "infer: %,d events -> %,d sessions, %,d workflow runs (%s) in %s",
                r.events(), r.sessions(), r.workflowRuns(), outcomes, seconds);
    }

    static final class TimeoutConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return InferSettings.parseTimeout(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class InstantConverter implements picocli.CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return InferSettings.parseInstant(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
