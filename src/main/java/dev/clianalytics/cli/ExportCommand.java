package dev.clianalytics.cli;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.LockWait;
import dev.clianalytics.export.ExportFormat;
import dev.clianalytics.export.Exporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write database tables as CSV, JSON lines or Parquet, one file per table",
                "(for pandas, Polars, Spark or the duckdb CLI).",
                "Tables: events, sessions, workflow_runs, workflow_steps, hot_paths_fingerprint,",
                "hot_paths_ngram (all when none is named)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics export --to out/ --format parquet",
                "  cli-analytics export workflow_runs hot_paths_ngram --to out/ --force"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TABLE", arity = "0..*", description = "Tables to write (default: all).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "Directory to write into (created if needed).")
    Path to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default, with a header), json (one object per line, .jsonl) or parquet.")
    ExportFormat format;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Mixin
    RefreshOptions refresh;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        List<String> chosen = chosenTables();
        if (refresh.noRefresh && refresh.strict) {
            throw new ParameterException(spec.commandLine(), "--no-refresh and --strict contradict each other: choose one");
        }
        GlobalOptions options = RootCommand.options(spec);
        PrintWriter err = spec.commandLine().getErr();
        LockWait lockWait = wait.lockWait(options, err);
        List<Exporter.Written> written;
        if (chosen.stream().anyMatch(Exporter.DERIVED::contains)) {
            try (CurrentTables tables = CurrentTables.open(options, err, options.db(), refresh, lockWait)) {
                written = Exporter.export(tables.db().connection(), chosen, to, format, force);
            }
        } else {
            try (Database db = Database.openReadOnly(options.db(), options.dbSettings(), lockWait)) {
                written = Exporter.export(db.connection(), chosen, to, format, force);
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
}
