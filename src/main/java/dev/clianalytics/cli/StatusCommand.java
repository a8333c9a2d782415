package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.report.Document;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.Freshness;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.Status;
import dev.clianalytics.report.StatusReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status",
        description = {"Show what the database holds and whether reports are current.",
            "The schema version, the stored rows, every ingest run, the last infer and its",
            "settings, and the files (database, write-ahead log, salt file: whether it is",
            "there, never the salt). Opens the database read-only."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics status",
            "  cli-analytics --db events.duckdb status --format json | jq .reports.current"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    WaitOption wait;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.ReportFormats.class,
            description = "table (default), json, csv or markdown.")
    ReportFormat format;

    @Override
    public Integer call() {
        GlobalOptions options = RootCommand.options(spec);
        Path db = options.db();
        Document doc;
        try (Database database = Database.openReadOnly(db, options.dbSettings(), wait.lockWait(options,
                spec.commandLine().getErr()))) {
            doc = Layouts.status(StatusReport.read(database.connection(), files(db, options.env()),
                    freshness(Freshness.read(database.connection()), db)));
        }
        ReportRun.render(spec.commandLine().getOut(), format, doc, options.tableWidth());
        return ExitCodes.OK;
    }

    /** Whether reports are current, as they judge it (CurrentTables), and what makes them so. */
    static Status.Freshness freshness(Freshness f, Path db) {
        String stale = CurrentTables.staleness(f, db);
        if (stale == null) {
            return new Status.Freshness(true, f.lastIngestRunId(), null, null);
        }
        String dbArgument = ReportRun.dbArgument(db);
        return f.ingested() || f.infer() != null
                ? new Status.Freshness(false, f.lastIngestRunId(), stale, "cli-analytics" + dbArgument + " infer")
                : new Status.Freshness(false, null, "the database holds no events yet",
                        "cli-analytics" + dbArgument + " ingest FILE");
    }

    /** The database's files as they are now, and where ingest would take the salt from. */
    static Status.Files files(Path db, Map<String, String> env) {
        Path wal = db.resolveSibling(db.getFileName() + ".wal");
        boolean saltFile = Files.exists(Salt.fileFor(db));
        String variable = Salt.environmentVariable(env);
        try {
            return new Status.Files(db.toString(), Files.size(db), Files.exists(wal) ? Files.size(wal) : null, saltFile,
                    variable != null ? variable : saltFile ? "file" : null);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read the size of " + db + ": " + e.getMessage(), e);
        }
    }
}
