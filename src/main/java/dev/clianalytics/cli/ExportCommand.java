package dev.clianalytics.cli;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.LockWait;
import dev.clianalytics.export.ExportFormat;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.export.Exporter;
import dev.clianalytics.export.Snapshot;
import dev.clianalytics.export.XesExport;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Reports;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "export",
        description = {"Write tables as CSV, JSON lines or Parquet, or an XES event log.",
                "One file per table, for pandas, Polars, Spark or the duckdb CLI; with --to -,",
                "one table to standard output. Tables: events, sessions, workflow_runs,",
                "workflow_steps, hot_paths_fingerprint, hot_paths_ngram (all when none is",
                "named). The filters select rows as in the reports; the hot-path tables have",
                "no time, tool or CI column and are written whole. --format xes writes an",
                "IEEE XES event log of the workflow runs instead, for process-mining tools."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics export --to out/ --format parquet",
                "  cli-analytics export workflow_runs hot_paths_ngram --to out/ --force",
                "  cli-analytics export sessions --to - --since 7d --exclude-ci | head",
                "  cli-analytics export events --to - --format jsonl --tool terraform > tf.jsonl",
                "  cli-analytics export --to out/ --format xes --exclude-ci",
                "  cli-analytics export --snapshot --to snap/   # read by: report … --from snap/"})
final class ExportCommand implements Callable<Integer> {
    /** The --to that means standard output, as for every file argument of the commands. */
    static final String STDOUT = "-";

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "TABLE", arity = "0..*", completionCandidates = Candidates.Tables.class,
            description = "Tables to write (default: all).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "Directory to write into (created if needed), or - for standard output (one table).")
    Path to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", converter = FormatConverter.class,
            completionCandidates = Candidates.ExportFormats.class,
            description = "csv (default, with a header), jsonl (one JSON object per line, .jsonl; json is the"
                    + " same), parquet, or xes: one IEEE XES event log of the workflow runs for process-mining"
                    + " tools (" + XesExport.FILE_NAME + ", a trace per run; name no tables).")
    ExportFormat format;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Option(names = "--snapshot",
            description = "Write every table reports read as Parquet, one folder per table (DIR/<table>/data.parquet),"
                    + " with a manifest: the layout 'report … --from DIR' reads, to share or archive. No tables,"
                    + " filters or other format with it.")
    boolean snapshot;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this tool's events, sessions and workflow runs.")
    String tool;

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only events, sessions and runs from TIME on: 7d, 12h, 30m or 2w ago, or a date or"
                    + " time (2026-01-24, 2026-01-24 10:00, ISO-8601; UTC unless an offset is given).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only what starts before TIME (exclusive); the same forms as --since.")
    Instant until;

    @Option(names = "--exclude-ci", description = "Leave out CI events, sessions and runs.")
    boolean excludeCi;

    @Mixin
    RefreshOptions refresh;

    @Mixin
    WaitOption wait;

    @Mixin
    FromOption from = new FromOption();

    @Override
    public Integer call() {
        if (snapshot) {
            return snapshot();
        }
        if (format == ExportFormat.XES && !tables.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--format xes writes one event log of the workflow runs"
                    + " (a trace per run, an event per command): name no tables, not " + String.join(" ", tables));
        }
        List<String> chosen = format == ExportFormat.XES ? List.of("workflow_runs") : chosenTables();
        boolean toStdout = to.toString().equals(STDOUT);
        if (toStdout && chosen.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--to - writes one table to standard output: name exactly"
                    + " one (e.g. 'export sessions --to -'), not " + (tables.isEmpty() ? "all " + chosen.size() : chosen.size()));
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ParameterException(spec.commandLine(), "--since (" + since + ") must be before --until (" + until + ")");
        }
        if (refresh.noRefresh && refresh.strict) {
            throw new ParameterException(spec.commandLine(), "--no-refresh and --strict contradict each other: choose one");
        }
        GlobalOptions options = RootCommand.options(spec);
        PrintWriter err = spec.commandLine().getErr();
        LockWait lockWait = wait.lockWait(options, err);
        List<Exporter.Written> written;
        String dir = from.get();
        if (dir != null || chosen.stream().anyMatch(Exporter.DERIVED::contains)) {
            try (CurrentTables current = CurrentTables.open(options, err, options.db(), refresh, lockWait, dir)) {
                written = export(current.db().connection(), chosen, toStdout, options, err);
            }
        } else {
            try (Database db = Database.openReadOnly(options.db(), options.dbSettings(), lockWait)) {
                written = export(db.connection(), chosen, toStdout, options, err);
            }
        }
        if (!options.quiet()) {
            for (Exporter.Written w : written) {
                err.println(String.format(Locale.ROOT, "wrote %s (%,d rows)", w.file(), w.rows()));
            }
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** export --snapshot: every table, whole, as the folders report --from reads. */
    private int snapshot() {
        boolean formatGiven = spec.commandLine().getParseResult().hasMatchedOption("--format");
        List<String> extra = new ArrayList<>(tables);
        if (formatGiven && format != ExportFormat.PARQUET) {
            extra.add("--format " + format.extension());
        }
        if (tool != null || since != null || until != null || excludeCi) {
            extra.add("filters (--tool, --since, --until, --exclude-ci)");
        }
        if (to.toString().equals(STDOUT)) {
            extra.add("--to -");
        }
        if (!extra.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--snapshot writes every table, whole, as Parquet folders"
                    + " into a directory: it takes none of " + String.join(", ", extra));
        }
        GlobalOptions options = RootCommand.options(spec);
        PrintWriter err = spec.commandLine().getErr();
        List<Snapshot.Written> written;
        try (CurrentTables current = CurrentTables.open(options, err, options.db(), refresh, wait.lockWait(options, err),
                from.get())) {
            written = Snapshot.write(current.db(), to, force, new VersionProvider().getVersion()[0]);
        }
        if (!options.quiet()) {
            long rows = written.stream().mapToLong(Snapshot.Written::rows).sum();
            err.println(String.format(Locale.ROOT, "wrote %d tables (%,d rows) into %s: read them with"
                    + " 'cli-analytics report summary --from %s'", written.size(), rows, to, to));
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** The tables to a directory, or the one to stdout (nothing said on success then: the data speaks). */
    private List<Exporter.Written> export(Connection c, List<String> chosen, boolean toStdout, GlobalOptions options,
            PrintWriter err) {
        ReportFilter filter = Reports.resolveTool(c, new ReportFilter(tool, since, until, excludeCi));
        if (!options.quiet() && !filter.isEmpty()) {
            chosen.stream().filter(t -> !Exporter.FILTERABLE.contains(t)).forEach(t -> err.println("note: " + t
                    + " has no time, tool or CI column: written whole (report hot-paths ranks the runs a filter keeps)"));
            err.flush();
        }
        if (format == ExportFormat.XES) {
            exportXes(c, filter, toStdout, options, err);
            return List.of();
        }
        if (toStdout) {
            Exporter.exportTo(c, chosen.get(0), format, filter, options.stdout());
            return List.of();
        }
        return Exporter.export(c, chosen, to, format, force, filter);
    }

    /** The XES event log into the directory (saying so), or streamed to standard output. */
    private void exportXes(Connection c, ReportFilter filter, boolean toStdout, GlobalOptions options, PrintWriter err) {
        if (toStdout) {
            try {
                XesExport.write(c, filter, options.stdout());
            } catch (UncheckedIOException e) {
                if (!String.valueOf(e.getCause().getMessage()).contains("Broken pipe")) {
                    throw new CliAnalyticsException("could not write the event log to standard output: "
                            + e.getCause().getMessage(), e);
                }
                // a reader that stops early (| head) is normal use, as for the tables
            }
            return;
        }
        XesExport.Written w = XesExport.export(c, to, force, filter);
        if (!options.quiet()) {
            err.println(String.format(Locale.ROOT, "wrote %s (%,d traces, %,d events)", w.file(), w.traces(), w.events()));
            err.flush();
        }
    }

    private List<String> chosenTables() {
        if (tables.isEmpty()) {
            return List.copyOf(Exporter.TABLES.keySet());
        }
        List<String> chosen = new ArrayList<>();
        for (String t : tables) {
            String name = t.toLowerCase(Locale.ROOT);
            if (!Exporter.TABLES.containsKey(name)) {
                throw new ParameterException(spec.commandLine(), "unknown table '" + t + "'; valid tables: "
                        + String.join(", ", Exporter.TABLES.keySet()));
            }
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        return chosen;
    }

    /** csv, jsonl (json: the same, the name it had first), parquet or xes, case-insensitively. */
    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.equals("json")) {
                return ExportFormat.JSONL;
            }
            for (ExportFormat f : ExportFormat.values()) {
                if (f.extension().equals(v)) {
                    return f;
                }
            }
            throw new TypeConversionException("expected csv, jsonl (or json), parquet or xes, not '" + value + "'");
        }
    }
}
