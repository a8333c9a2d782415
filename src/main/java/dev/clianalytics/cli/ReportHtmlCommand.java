package dev.clianalytics.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.db.LockWait;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.html.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "html",
        description = {"Write one HTML file with charts, to open in any browser.",
                "Summary, trends, top workflows with their variants, where runs fail, funnels,",
                "release regressions, the flow graph of the most frequent workflow, settings and",
                "privacy rules; the charting library and the data are inside the file, which",
                "fetches nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report html",
                "  cli-analytics report html -o team-review.html --exclude-ci --since 30d"})
final class ReportHtmlCommand implements Callable<Integer> {
    static final String DEFAULT_FILE = "report.html";

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = DEFAULT_FILE,
            description = "The file to write, replaced if it exists (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this tool's events and workflow runs.")
    String tool;

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only runs and events from TIME on; the forms of 'report summary --since'.")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only runs and events before TIME (exclusive).")
    Instant until;

    @Option(names = "--exclude-ci", description = "Leave out CI sessions, runs and events.")
    boolean excludeCi;

    @Mixin
    MinCohortOption cohort = new MinCohortOption();

    @Mixin
    RefreshOptions refresh = new RefreshOptions();

    @Mixin
    WaitOption wait = new WaitOption();

    @Mixin
    FromOption from = new FromOption();

    @Override
    public Integer call() {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, not " + top);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ParameterException(spec.commandLine(), "--since (" + since + ") must be before --until (" + until + ")");
        }
        int minCohort = cohort.resolve(true);
        GlobalOptions options = RootCommand.options(spec);
        PrintWriter err = spec.commandLine().getErr();
        ReportFilter filter = new ReportFilter(tool, since, until, excludeCi);
        OutputOption.check(output);
        ObjectNode data;
        try (CurrentTables tables = CurrentTables.open(options, err, options.db(), refresh, wait.lockWait(options, err),
                from.get())) {
            data = HtmlReport.data(tables.db().connection(), tables.infer(), minCohort, filter, top);
        }
        OutputOption.wrote(options, err, output, write(data, output));
        return ExitCodes.OK;
    }

    /**
     * The page for a database that needs no refresh decision (demo's, just inferred); returns its size.
     * Every chart, --min-cohort 1: the demo's actors are generated, and the page is there to show them all.
     */
    static long writeFor(CommandSpec spec, Path dbFile, Path target) {
        OutputOption.check(target);
        GlobalOptions options = RootCommand.options(spec);
        ObjectNode data;
        try (CurrentTables tables = CurrentTables.open(options, spec.commandLine().getErr(), dbFile, new RefreshOptions(),
                LockWait.NONE)) {
            data = HtmlReport.data(tables.db().connection(), tables.infer(), 1, ReportFilter.NONE, 10);
        }
        return write(data, target);
    }

    private static long write(ObjectNode data, Path target) {
        return OutputOption.write(target, out -> HtmlReport.write(data, out));
    }
}
