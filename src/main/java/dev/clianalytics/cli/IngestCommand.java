package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException.DatabaseNotOpened;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.db.Interrupts;
import dev.clianalytics.infer.FunnelConfig;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.infer.SettingsFile;
import dev.clianalytics.infer.SettingsLayers;
import dev.clianalytics.infer.WorkflowConfig;
import dev.clianalytics.infer.WorkflowConfigLoader;
import dev.clianalytics.ingest.ForeignReaders;
import dev.clianalytics.ingest.IngestProgress;
import dev.clianalytics.ingest.IngestRequest;
import dev.clianalytics.ingest.IngestResult;
import dev.clianalytics.ingest.Ingester;
import dev.clianalytics.ingest.InputFile;
import dev.clianalytics.ingest.InputFormat;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.ingest.WordTakeBack;
import dev.clianalytics.ingest.formats.EventFormat;
import dev.clianalytics.ingest.formats.FormatConfig;
import dev.clianalytics.ingest.formats.FormatConfigLoader;
import dev.clianalytics.ingest.sanitize.CommandsFile;
import dev.clianalytics.ingest.sanitize.WordGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "ingest",
        description = {"Load event files into the database, validated and sanitized.",
            "Ids are hashed and secrets removed; events already stored are skipped, an",
            "event_id reused with other content is counted as a conflict, and the whole run",
            "is one transaction: it is stored entirely or not at all."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cli-analytics ingest events.jsonl",
            "  cli-analytics ingest day1.jsonl.gz day2.jsonl.gz --rejects bad.jsonl",
            "  producer | cli-analytics ingest - --max-rejects 0",
            "  cli-analytics ingest export.jsonl --format posthog --workflows names.yaml",
            "  cli-analytics ingest segment-export.jsonl --tool algolia",
            "  cli-analytics ingest events.jsonl --result-format json | jq .stored"
        })
final class IngestCommand implements Callable<Integer> {
    static final String INGEST_MEMORY_LIMIT = "512MB";
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Event files (.jsonl or .jsonl.gz), ingested in the order given; - reads standard input.")
    List<String> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = InputFormatConverter.class,
            completionCandidates = Candidates.InputFormats.class,
            description = "The input's format: auto (detect each line), native, posthog or segment."
                    + " Default: ${DEFAULT-VALUE}.")
    InputFormat format;

    @Option(names = "--result-format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = Candidates.ResultFormats.class,
            description = "text (default: lines on stderr) or json (one object on stdout: the run's counts per"
                    + " file, reject reasons and time taken).")
    ResultJson.Format resultFormat;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write every rejected or conflicting line verbatim to FILE (JSON lines: file, line, reason,"
                    + " text; mode 600); written only when there is one.")
    Path rejects;

    @Option(names = "--workflows", paramLabel = "FILE",
            description = "Settings file whose posthog: and segment: sections name the events and properties to read"
                    + " (the same file infer takes; docs/formats.md). Default: the seed CLIs' names.")
    Path workflows;

    @Option(names = "--tool", paramLabel = "NAME",
            description = "The tool of PostHog and Segment events that name none (no tool property, no"
                    + " context.app.name). Default: default_tool of the --workflows settings, else cli.")
    String tool;

    @Option(names = "--force", description = "Replace the --rejects file if it exists (it is refused otherwise).")
    boolean force;

    @Option(names = "--max-rejects", paramLabel = "N",
            description = "Abort, writing nothing to the database (exit 3), when more than N lines are rejected.")
    Long maxRejects;

    @Option(names = "--reveal-at", paramLabel = "K",
            description = "Store a command word after the tool name, or a flag name, in clear once K distinct actors"
                    + " used it (before: a token, shown as [rare]); 1 switches the rule off. Default:"
                    + " CLI_ANALYTICS_REVEAL_AT, else 2.")
    Integer revealAt;

    @Option(names = "--commands", paramLabel = "FILE",
            description = "The tool's command tree, one command path per line, like 'kubectl get pods --namespace':"
                    + " its words and flag names are stored in clear from the first actor.")
    Path commands;

    @Mixin
    WaitOption wait;

    private FormatConfig formats;

    @Override
    public Integer call() {
        GlobalOptions options = RootCommand.options(spec);
        if (maxRejects != null && maxRejects < 0) {
            throw new CliAnalyticsException("--max-rejects must be 0 or more, not " + maxRejects);
        }
        if (tool != null && !TOOL_NAME.matcher(tool).matches()) {
            throw new ParameterException(spec.commandLine(), "--tool must be a tool name (1 to 128 letters, digits, - or _),"
                    + " not '" + tool + "'");
        }
        int k = revealAt(options);
        Set<String> known = new HashSet<>(knownWords());
        if (commands != null) {
            try {
                known.addAll(CommandsFile.read(commands));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        formats = workflows == null ? FormatConfig.defaults() : FormatConfigLoader.load(workflows);
        if (tool != null) {
            formats = formats.withDefaultTool(tool);
        }
        ForeignReaders readers = f -> Optional.of(EventFormat.valueOf(f.name()).reader(formats));
        List<InputFile> inputs = new ArrayList<>();
        try {
            if (files.stream().filter(InputFile.STDIN::equals).count() > 1) {
                throw new CliAnalyticsException("standard input (-) can be given only once");
            }
            for (String f : files) {
                inputs.add(InputFile.open(f, options.stdin()));
            }
            IngestResult result;
            boolean newDatabase = !Files.exists(options.db());
            boolean newSalt = !Files.exists(Salt.fileFor(options.db()));
            AtomicBoolean committed = new AtomicBoolean();
            // a Ctrl-C waits for this block to unwind (its catch removes a first ingest's files);
            // should it not in time, the last resort removes them, unless the run was committed
            Runnable removeFiles = () -> {
                if (newDatabase && !committed.get()) {
                    removeEmptyDatabase(options.db(), settings(options).spillDirectory(options.db()), newSalt);
                }
            };
            try (Interrupts.Registration guard = Interrupts.register(() -> { }, removeFiles)) {
                try (Database db = WritingDatabase.open(options, settings(options), wait.lockWait(options, err), err,
                        d -> new WordTakeBack.Rule(Salt.resolve(options.env(), options.db()).hmacKey(), k,
                                withSettingsWords(known, d, options.db())))) {
                    Salt salt = Salt.resolve(options.env(), options.db());
                    if (k > 1) {
                        known.addAll(settingsWords(db, options.db()));
                    }
                    IngestProgress progress = options.progress() ? new ProgressBar(err, options.progressWidth())
                            : IngestProgress.NONE;
                    try {
                        result = new Ingester(db, salt, readers)
                                .run(new IngestRequest(inputs, format, rejects, force, maxRejects, k, known), progress);
                        committed.set(true);
                    } finally {
                        if (progress instanceof ProgressBar bar) {
                            bar.clear();
                        }
                    }
                } catch (DatabaseNotOpened e) {
                    // Another process's file: when two first ingests race, it appeared after the check
                    // above, and the process that created it is writing to it. Not ours to remove.
                    throw e;
                } catch (RuntimeException e) {
                    // inside the registration: a Ctrl-C's hook, which ends the JVM once nothing is
                    // registered, waits until the files are removed (the database is closed by now)
                    removeFiles.run();
                    throw e;
                }
            }
            if (resultFormat == ResultJson.Format.json) {
                ResultJson.write(spec.commandLine().getOut(), result);
            } else if (!options.quiet()) {
                java.io.StringWriter text = new java.io.StringWriter();
                render(result, new PrintWriter(text));
                err.print(Wrap.forStderr(options, text.toString()));
                err.flush();
            }
            if (options.verbose()) {
                err.println("steps: " + String.join(", ", result.phases()));
            }
            return ExitCodes.OK;
        } finally {
            inputs.forEach(InputFile::close);
        }
    }

    /** --reveal-at, else CLI_ANALYTICS_REVEAL_AT, else 2; at least 1. */
    private int revealAt(GlobalOptions options) {
        if (revealAt != null) {
            if (revealAt < 1) {
                throw new ParameterException(spec.commandLine(), "--reveal-at must be 1 or more, not " + revealAt);
            }
            return revealAt;
        }
        try {
            return revealAt(options.env());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** CLI_ANALYTICS_REVEAL_AT, else 2; IllegalArgumentException naming the variable when it is not 1 or more. */
    static int revealAt(Map<String, String> env) {
        return WordGate.revealAt(REVEAL_AT_VARIABLE, env.get(REVEAL_AT_VARIABLE));
    }

    static final String REVEAL_AT_VARIABLE = "CLI_ANALYTICS_REVEAL_AT";

    /** The entry, terminal and name words of the shipped workflows settings: known command words. */
    static Set<String> knownWords() {
        return knownWords(WorkflowConfig.defaults(), FunnelConfig.defaults());
    }

    /** The entry, terminal and name words of workflows settings, and the command words of funnel steps. */
    static Set<String> knownWords(WorkflowConfig w, FunnelConfig funnels) {
        return InferSettings.knownWords(w, funnels);
    }

    /**
     * Known words of this database's settings besides the shipped ones: those infer would use
     * (cli-analytics.yaml beside the database, else the last infer's), and the workflows of the
     * --workflows file given to ingest.
     */
    private Set<String> settingsWords(Database db, Path dbFile) {
        InferSettings s = SettingsLayers.resolve(db.connection(), SettingsLayers.Given.NONE, SettingsFile.read(dbFile))
                .settings();
        Set<String> words = knownWords(s.workflows(), s.funnels());
        if (workflows != null) {
            words.addAll(knownWords(WorkflowConfigLoader.load(workflows), FunnelConfig.defaults()));
        }
        return words;
    }

    /** {@code known} and the settings' words (for the upgrade's take-back, before the run adds them itself). */
    private Set<String> withSettingsWords(Set<String> known, Database db, Path dbFile) {
        Set<String> all = new HashSet<>(known);
        all.addAll(settingsWords(db, dbFile));
        return all;
    }

    /** The input formats by name, case-insensitively; text or json get a pointer to --result-format. */
    static final class InputFormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            for (InputFormat f : InputFormat.values()) {
                if (f.id().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            String hint = value.equalsIgnoreCase("json") || value.equalsIgnoreCase("text")
                    ? "; --format is the input's format, the result's is --result-format " + value.toLowerCase(Locale.ROOT)
                    : "";
            throw new TypeConversionException("expected auto, native, posthog or segment, not '" + value + "'" + hint);
        }
    }

    /**
     * A first ingest that wrote nothing (refused input, --max-rejects, an error) leaves no database
     * behind, nor the salt file it created: "nothing was written" holds for the files too.
     */
    private static void removeEmptyDatabase(Path db, Path spill, boolean removeSalt) {
        try {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
            Files.deleteIfExists(db);
            deleteSpillDirectory(spill);
            if (removeSalt) {
                Files.deleteIfExists(Salt.fileFor(db));
            }
        } catch (IOException ignored) {
            // the error being reported matters more; an empty database is harmless
        }
    }

    /** A first ingest's spill directory: nobody else can have used it. */
    private static void deleteSpillDirectory(Path spill) throws IOException {
        if (!Files.isDirectory(spill, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(spill)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(spill);
    }

    /**
     * Ingest keeps DuckDB's memory below the foundation's default unless the user chose a limit,
     * so a whole run (JVM included) stays under 1 GiB; the staged rows spill to disk beyond it.
     */
    static DbSettings settings(GlobalOptions options) {
        DbSettings settings = options.dbSettings();
        return options.env().containsKey("CLI_ANALYTICS_MEMORY_LIMIT") ? settings
                : settings.withMemoryLimit(INGEST_MEMORY_LIMIT);
    }

    private void render(IngestResult r, PrintWriter err) {
        new IngestSummary(err, rejects, formats, tool != null).render(r);
    }
}
