package dev.clianalytics.cli;

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

@Command(name = "hot-paths",
        description = {"Where failures cluster: failing fingerprints and step sequences.",
                "The fingerprints of failed runs, and the 1-3 step sequences that lead into",
                "failing commands with their failure rates."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report hot-paths --top 20",
                "  cli-analytics report hot-paths --exclude-ci --format csv > hot-paths.csv"})
final class ReportHotPathsCommand implements Callable<Integer>, OutputOption.Page {
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
                    ReportFilter scoped = Reports.resolveTool(c, filter);
                    return Layouts.hotPaths(Reports.hotPaths(c, scoped, report.top), infer, scoped);
                },
                (c, infer) -> HtmlReport.hotPaths(c, infer, report.minCohort(), filter, report.top));
    }
}
