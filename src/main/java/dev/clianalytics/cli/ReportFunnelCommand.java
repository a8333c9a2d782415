package dev.clianalytics.cli;

import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.FunnelLayouts;
import dev.clianalytics.report.FunnelReport;
import dev.clianalytics.report.Funnels;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.html.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "funnel",
        description = {"Funnels: where people drop out of sign-in, create or plan changes, and why.",
                "Without NAME, every funnel with its attempts and conversion. With NAME, its",
                "steps (reached, conversion, drop-off, time from the previous step), a",
                "breakdown, the error classes of failed attempts and the top 5 commands run",
                "after an attempt that did not complete."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report funnel",
                "  cli-analytics report funnel auth --by version",
                "  cli-analytics report funnel plan_upgrade --format json --since 30d"})
final class ReportFunnelCommand implements Callable<Integer>, OutputOption.Page {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Mixin
    OutputOption output = new OutputOption();

    @Parameters(paramLabel = "NAME", arity = "0..1",
            description = "A funnel, as 'report funnel' lists it (e.g. auth); without it, every funnel.")
    String name;

    @Option(names = "--by", paramLabel = "PROPERTY",
            description = "Break NAME's attempts down by a property of the first step's event, by version (the tool"
                    + " version) or by ci (default: the funnel's breakdown).")
    String by;

    @Override
    public Integer call() {
        ReportFilter filter = report.filter();
        if (by != null && !by.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new ParameterException(spec.commandLine(), "--by must be a property name, version or ci, not '" + by + "'");
        }
        if (by != null && name == null) {
            throw new ParameterException(spec.commandLine(), "--by needs a funnel NAME");
        }
        return run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report, filter,
                name, by, output.file);
    }

    static int run(GlobalOptions options, PrintWriter out, PrintWriter err, ReportOptions report, ReportFilter filter,
            String name, String by, Path output) {
        return ReportRun.run(options, out, err, report, output, (c, infer) -> {
            ReportFilter f = Reports.resolveTool(c, filter);
            if (name == null) {
                return Cohorts.funnels(c, f, FunnelLayouts.list(Funnels.list(c, f), infer, f), report.minCohort(),
                        report.json());
            }
            FunnelReport funnel = Funnels.funnel(c, infer, name, f, by, report.top);
            return Cohorts.funnel(c, f, name, funnel.by(), FunnelLayouts.funnel(funnel, report.format == ReportFormat.TABLE),
                    report.minCohort(), report.json());
        }, (c, infer) -> HtmlReport.funnel(c, infer, report.minCohort(), name, filter, report.top));
    }
}
