package dev.clianalytics.cli;

import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.InsightLayouts;
import dev.clianalytics.report.Insights;
import dev.clianalytics.report.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "trends",
        description = {"Is it getting better? Workflow runs per day or week.",
                "Per UTC day or week (from Monday): runs, success rate, failed, abandoned,",
                "median duration, actors; the table adds a sparkline of the success rate.",
                "Every period from the first to the last is listed, quiet ones with 0 runs."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report trends",
                "  cli-analytics report trends --by day --since 14d --workflow apply_workflow"})
final class ReportTrendsCommand implements Callable<Integer> {
    /** The periods --by takes. */
    enum By { day, week }

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "week",
            description = "day or week (default: ${DEFAULT-VALUE}; weeks start on Monday, UTC).")
    By by;

    @Option(names = "--workflow", paramLabel = "NAME", description = "Only this workflow's runs (e.g. apply_workflow).")
    String workflow;

    @Override
    public Integer call() {
        var filter = report.filter();
        boolean people = report.format == ReportFormat.TABLE || report.format == ReportFormat.MARKDOWN;
        return ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                (c, infer) -> InsightLayouts.trends(Insights.trends(c, infer, Reports.resolveTool(c, filter), workflow,
                        by.name()), people));
    }
}
