package dev.clianalytics.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** --from DIR of the reports and export: tables from a directory of Parquet folders instead of a database (ParquetTables). */
final class FromOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR",
            description = "Read the tables from DIR, one folder of Parquet files per table (the Spark job's --output,"
                    + " or export --snapshot), instead of a database: a directory, or an s3:// or https:// URL.")
    String from;

    /** DIR, or null for the database; --db beside it is a usage error (two sources). */
    String get() {
        // the mixee may itself be a mixin (ReportOptions): its command line's spec is the command's
        if (from != null && spec != null && ((RootCommand) spec.commandLine().getCommandSpec().root().userObject()).dbGiven()) {
            throw new ParameterException(spec.commandLine(), "--from DIR and --db FILE name two sources of the tables:"
                    + " give one");
        }
        return from;
    }
}
