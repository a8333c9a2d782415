package dev.clianalytics.cli;

import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.ReportFilter;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every report shares: the output format, list length, the filters, refreshing and waiting. */
final class ReportOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.ReportFormats.class,
            description = "table (default, also when piped), json, csv or markdown; 'report graph' also"
                    + " mermaid or dot; summary, workflow, hot-paths, funnel, versions and graph also html (a page"
                    + " like 'report html' writes, with -o FILE).")
    ReportFormat format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this tool's events and workflow runs.")
    String tool;

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only runs and events from TIME on: 7d, 12h, 30m or 2w ago, or a date or time"
                    + " (2026-01-24, 2026-01-24 10:00, ISO-8601; UTC unless an offset is given).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only runs and events before TIME (exclusive); the same forms as --since.")
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

    ReportFilter filter() {
        boolean page = spec.userObject() instanceof OutputOption.Page;
        boolean graph = spec.userObject() instanceof ReportGraphCommand;
        if (format.graphOnly() && !graph || format == ReportFormat.HTML && !page) {
            throw new ParameterException(spec.commandLine(), "--format " + format.name().toLowerCase(Locale.ROOT)
                    + (format == ReportFormat.HTML ? " writes a page, which this report does not have"
                            : " draws a graph, which only 'report graph' has")
                    + "; this report's formats: table, json, csv, markdown" + (page ? ", html" : "")
                    + (graph ? ", mermaid, dot" : ""));
        }
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, not " + top);
        }
        if (refresh.noRefresh && refresh.strict) {
            throw new ParameterException(spec.commandLine(), "--no-refresh and --strict contradict each other: choose one");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ParameterException(spec.commandLine(), "--since (" + since + ") must be before --until (" + until + ")");
        }
        minCohort();
        return new ReportFilter(tool, since, until, excludeCi);
    }

    /** --min-cohort, or its default for the format: html pages are meant to be shared. */
    int minCohort() {
        int k = cohort.resolve(format == ReportFormat.HTML);
        if (k > 1 && spec != null && spec.userObject() instanceof CheckCommand) {
            throw new ParameterException(spec.commandLine(), "--min-cohort is for reports people read: check compares"
                    + " exact values with its rules, so it takes only --min-cohort 1");
        }
        return k;
    }

    /** Whether suppressed rows get json's "suppressed" flag. */
    boolean json() {
        return format == ReportFormat.JSON;
    }
}
