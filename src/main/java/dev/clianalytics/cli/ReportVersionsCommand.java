package dev.clianalytics.cli;

import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.InsightLayouts;
import dev.clianalytics.report.Insights;
import dev.clianalytics.report.Releases;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.html.HtmlReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "versions",
        description = {"Did a release make things worse? Success per tool version.",
                "Versions in release order with the 95%% interval of the success rate; a version",
                "is a regression when its interval lies below the previous one's. Every version",
                "is listed unless --top N is given (then each tool's N newest)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report versions --tool terraform",
                "  cli-analytics report versions --workflow apply_workflow --min-runs 50"})
final class ReportVersionsCommand implements Callable<Integer>, OutputOption.Page {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Mixin
    OutputOption output = new OutputOption();

    @Option(names = "--workflow", paramLabel = "NAME", description = "Only this workflow's runs (e.g. apply_workflow).")
    String workflow;

    @Option(names = "--min-runs", paramLabel = "N", defaultValue = "" + Releases.DEFAULT_MIN_RUNS,
            description = "Runs a version needs to be compared with the previous one (default: ${DEFAULT-VALUE}).")
    int minRuns;

    @Override
    public Integer call() {
        var filter = report.filter();
        if (minRuns < 1) {
            throw new ParameterException(spec.commandLine(), "--min-runs must be at least 1, not " + minRuns);
        }
        Integer top = spec.commandLine().getParseResult().hasMatchedOption("--top") ? report.top : null;
        boolean people = report.format == ReportFormat.TABLE || report.format == ReportFormat.MARKDOWN;
        return ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                output.file, (c, infer) -> InsightLayouts.versions(Insights.versions(c, infer, Reports.resolveTool(c, filter),
                        workflow, minRuns, top), people),
                (c, infer) -> HtmlReport.versions(c, infer, report.minCohort(), filter, report.top, workflow, minRuns,
                        top));
    }
}
