package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.infer.FunnelConfig;
import dev.clianalytics.infer.FunnelConfigLoader;
import dev.clianalytics.infer.InferProgress;
import dev.clianalytics.infer.InferResult;
import dev.clianalytics.infer.InferService;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.infer.SettingsFile;
import dev.clianalytics.infer.SettingsLayers;
import dev.clianalytics.infer.WorkflowConfig;
import dev.clianalytics.infer.WorkflowConfigLoader;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.ingest.WordTakeBack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
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
            "changed settings apply to all history. Each setting comes from the first that",
            "gives it: these options, cli-analytics.yaml beside the database, the last",
            "infer's (not with --defaults), the built-in ones."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  cli-analytics infer                # with the settings of the last infer",
            "  cli-analytics infer --session-timeout 1h --workflows workflows.yaml",
            "  cli-analytics infer --funnels funnels.yaml",
            "  cli-analytics infer --defaults     # back to the built-in settings",
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
            description = "Inactivity that ends a session, e.g. 30m, 1h, 90s, 1h30m (default: the last infer's, else 30m).")
    Duration sessionTimeout;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP", converter = InstantConverter.class,
            description = "The instant that decides which runs are still IN_PROGRESS, ISO-8601"
                    + " (default: the latest event end).")
    Instant asOf;

    @Option(names = "--workflows", paramLabel = "FILE",
            description = "YAML with entry_commands, terminal_commands and workflow_names (see docs/infer.md);"
                    + " its content is saved with the run (default: the last infer's, else the built-in ones).")
    Path workflows;

    @Option(names = "--funnels", paramLabel = "FILE",
            description = "YAML with funnels to compute besides (or replacing by name) the built-in ones (see"
                    + " docs/funnels.md); its content is saved with the run (default: the last infer's, else the built-in ones).")
    Path funnels;

    @Option(names = "--defaults",
            description = "Start from the built-in settings, not the last infer's (options and cli-analytics.yaml still apply).")
    boolean defaults;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = Candidates.ResultFormats.class,
            description = "text (default: lines on stderr) or json (one object on stdout: the counts,"
                    + " the settings used and the time taken).")
    ResultJson.Format format;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        GlobalOptions options = RootCommand.options(spec);
        PrintWriter err = spec.commandLine().getErr();
        // files first: a bad one fails before the database is opened
        WorkflowConfig workflowConfig = workflows == null ? null : WorkflowConfigLoader.load(workflows);
        Path name = workflows == null ? null : workflows.getFileName();
        FunnelConfig funnelConfig = funnels == null ? null : funnels();
        SettingsFile file = SettingsFile.read(options.db());
        SettingsLayers.Given given = new SettingsLayers.Given(sessionTimeout, workflowConfig, name == null ? null : name.toString(),
                asOf, defaults);
        InferResult result;
        InferSettings used;
        InferProgressLine progress = options.progress() ? new InferProgressLine(err, options.progressWidth()) : null;
        try (Database db = WritingDatabase.open(options, settings(options), wait.lockWait(options, err), err,
                d -> takeBackRule(options, SettingsLayers.resolve(d.connection(), given, file).settings()))) {
            SettingsLayers.Resolved resolved = SettingsLayers.resolve(db.connection(), given, file);
            // with --format json the object says the settings used; stderr keeps only errors
            if (!options.quiet() && format == ResultJson.Format.text) {
                err.println(Wrap.forStderr(options, SettingsLine.infer(resolved)));
                err.flush();
            }
            used = funnelConfig == null ? resolved.settings()
                    : resolved.settings().withFunnels(funnelConfig, String.valueOf(funnels.getFileName()));
            result = InferService.run(db, used, progress == null ? InferProgress.NONE : progress);
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        if (format == ResultJson.Format.json) {
            ResultJson.write(spec.commandLine().getOut(), result, used);
        } else if (!options.quiet()) {
            err.println(Wrap.forStderr(options, summary(result)));
        }
        if (options.verbose()) {
            result.timings().forEach((model, time) -> err.printf(Locale.ROOT,
                    "  %-24s %8.3f s%n", model, time.toNanos() / 1e9));
        }
        return ExitCodes.OK;
    }

    /**
     * Schema 14's take-back when infer is the first writing command after the upgrade: k from
     * CLI_ANALYTICS_REVEAL_AT (else 2), the known words of the shipped and these settings, and the
     * database's salt, which infer never creates (a new one would not give the tokens ingest gives).
     */
    private static WordTakeBack.Rule takeBackRule(GlobalOptions options, InferSettings s) {
        Salt salt = Salt.existing(options.env(), options.db());
        if (salt == null) {
            throw new CliAnalyticsException("database " + options.db() + " needs the rare-word upgrade of schema 14, which"
                    + " needs its salt: neither CLI_ANALYTICS_SALT nor " + Salt.fileFor(options.db()) + " is there; set the"
                    + " salt its ingests used, or run ingest on it");
        }
        Set<String> known = new HashSet<>(IngestCommand.knownWords());
        known.addAll(IngestCommand.knownWords(s.workflows(), s.funnels()));
        int k;
        try {
            k = IngestCommand.revealAt(options.env());
        } catch (IllegalArgumentException e) {
            throw new CliAnalyticsException(e.getMessage());
        }
        return new WordTakeBack.Rule(salt.hmacKey(), k, known);
    }

    /** The --funnels file; a bad one is a usage error (exit 2) naming the file, line and key. */
    private FunnelConfig funnels() {
        try {
            return FunnelConfigLoader.load(funnels);
        } catch (dev.clianalytics.CliAnalyticsException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static DbSettings settings(GlobalOptions options) {
        DbSettings settings = options.dbSettings();
        return options.env().containsKey("CLI_ANALYTICS_MEMORY_LIMIT") ? settings
                : settings.withMemoryLimit(INFER_MEMORY_LIMIT);
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
