package dev.clianalytics.cli;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.ParquetTables;
import dev.clianalytics.report.Document;
import dev.clianalytics.report.PrivacyLedger;
import dev.clianalytics.report.ReportFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "privacy",
        description = {"What the privacy rules did: the ledger, for a security review.",
            "Per ingest run and in total: ids hashed, flag values and secret-looking flags",
            "dropped, error texts redacted by kind, command words redacted, properties",
            "dropped. Counts only, never a value. Opens the database read-only."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report privacy",
            "  cli-analytics report privacy --format json | jq .totals"})
final class ReportPrivacyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    WaitOption wait;

    @Mixin
    FromOption from = new FromOption();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.ReportFormats.class,
            description = "table (default), json, csv or markdown.")
    ReportFormat format;

    @Override
    public Integer call() {
        if (format.graphOnly() || format == ReportFormat.HTML) {
            throw new ParameterException(spec.commandLine(), "--format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + (format == ReportFormat.HTML ? " writes a page, which this report does not have"
                            : " draws a graph, which only 'report graph' has") + "; this report's formats: table, json, csv, markdown");
        }
        GlobalOptions options = RootCommand.options(spec);
        Document doc;
        String dir = from.get();
        try (Database database = dir != null ? ParquetTables.open(dir, options.dbSettings())
                : Database.openReadOnly(options.db(), options.dbSettings(), wait.lockWait(options, spec.commandLine().getErr()))) {
            doc = PrivacyLedger.read(database.connection());
        }
        ReportRun.render(spec.commandLine().getOut(), format, doc, options.tableWidth());
        return ExitCodes.OK;
    }
}
