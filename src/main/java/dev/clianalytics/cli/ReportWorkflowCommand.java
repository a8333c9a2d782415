package dev.clianalytics.cli;

import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.WorkflowReport;
import dev.clianalytics.report.html.HtmlReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "workflow",
        description = {"One workflow in depth: outcomes, durations, paths, errors.",
                "Also where runs stop, success by tool version and the recent runs. Each list",
                "has --top rows (default 10), except common paths: 5 unless --top is given."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report workflow apply_workflow",
                "  cli-analytics report workflow build_workflow --format json --tool docker"})
final class ReportWorkflowCommand implements Callable<Integer>, OutputOption.Page {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Mixin
    OutputOption output = new OutputOption();

    @Parameters(paramLabel = "NAME", description = "The workflow name, as 'report summary' lists it (e.g. apply_workflow).")
    String name;

    @Override
    public Integer call() {
        var filter = report.filter();
        // common paths: the seed system's 5 unless --top says otherwise (a --top 10 given is 10)
        int paths = spec.commandLine().getParseResult().hasMatchedOption("--top")
                ? report.top : WorkflowReport.DEFAULT_COMMON_PATHS;
        return ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                output.file, (c, infer) -> {
                    var f = Reports.resolveTool(c, filter);
                    return Cohorts.workflow(c, f, name, Layouts.workflow(Reports.workflow(c, infer, name, f, report.top,
                            paths)), report.minCohort(), report.json());
                },
                (c, infer) -> HtmlReport.workflow(c, infer, report.minCohort(), name, filter, report.top, paths));
    }
}
