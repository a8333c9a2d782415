package dev.clianalytics.cli;

import picocli.CommandLine.Option;

/** What a report or export does when the derived tables are older than the data (CurrentTables). */
final class RefreshOptions {
    @Option(names = "--no-refresh",
            description = "When data arrived since the last infer, show the tables as they are, with a warning on stderr,"
                    + " instead of inferring first.")
    boolean noRefresh;

    @Option(names = "--strict",
            description = "When data arrived since the last infer (or infer never ran), fail (exit 1) instead of"
                    + " inferring first: for scripts that must not write.")
    boolean strict;
}
