package dev.clianalytics.cli;

import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.html.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "summary",
        description = "Overall counts, outcomes, top workflows, hot paths and recovery.",
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report summary",
                "  cli-analytics report summary --format json --exclude-ci --since 2026-01-01",
                "  cli-analytics report summary --tool terraform --top 5 --format markdown",
                "  cli-analytics report summary --format html -o summary.html"})
final class ReportSummaryCommand implements Callable<Integer>, OutputOption.Page {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        return run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                report.filter(), output.file);
    }

    /** The report for options already checked; QuickPath calls this without picocli's model. */
    static int run(GlobalOptions options, PrintWriter out, PrintWriter err, ReportOptions report, ReportFilter filter,
            Path output) {
        return ReportRun.run(options, out, err, report, output,
                (c, infer) -> {
                    ReportFilter f = Reports.resolveTool(c, filter);
                    return Cohorts.summary(c, f, Layouts.summary(Reports.summary(c, infer, f, report.top)),
                            report.minCohort(), report.json());
                },
                (c, infer) -> HtmlReport.summary(c, infer, report.minCohort(), filter, report.top));
    }
}
