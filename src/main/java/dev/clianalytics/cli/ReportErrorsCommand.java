package dev.clianalytics.cli;

import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.ReportFilter;
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

@Command(name = "errors",
        description = {"Which errors people get stuck on, and what gets them unstuck.",
                "The error types of failed runs: actors, how many the same person recovered",
                "from and how fast, the share from CI, the versions, and the top 3 fix paths",
                "(what the runs that recovered did)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report errors",
                "  cli-analytics report errors --workflow apply_workflow --format markdown"})
final class ReportErrorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Option(names = "--workflow", paramLabel = "NAME", description = "Only this workflow's runs (e.g. apply_workflow).")
    String workflow;

    @Override
    public Integer call() {
        var filter = report.filter();
        boolean people = report.format == ReportFormat.TABLE || report.format == ReportFormat.MARKDOWN;
        return ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                (c, infer) -> {
                    ReportFilter f = Reports.resolveTool(c, filter);
                    return Cohorts.errors(c, f, workflow, InsightLayouts.errors(Insights.errors(c, infer, f, workflow,
                            report.top), people), report.minCohort(), report.json());
                });
    }
}
