package dev.clianalytics.cli;

import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Discovery;
import dev.clianalytics.report.DiscoveryLayouts;
import dev.clianalytics.report.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "variants",
        description = {"How people really run a workflow: its distinct step sequences.",
                "Most frequent first with share, success rate and median duration, then the",
                "rest as one row and the share the rows cover. Without WORKFLOW: each",
                "workflow's number of variants and its most frequent one."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report variants apply_workflow --top 5",
                "  cli-analytics report variants apply_workflow --collapse-retries --format json",
                "  cli-analytics report variants"})
final class ReportVariantsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Parameters(paramLabel = "WORKFLOW", arity = "0..1",
            description = "The workflow name, as 'report summary' lists it (e.g. apply_workflow).")
    String name;

    @Option(names = "--collapse-retries",
            description = "Fold consecutive repeats of one step into one step with its count (terraform/apply ×3).")
    boolean collapseRetries;

    @Override
    public Integer call() {
        var filter = report.filter();
        return ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                (c, infer) -> {
                    var f = Reports.resolveTool(c, filter);
                    var doc = name == null
                            ? DiscoveryLayouts.variantsOverview(Discovery.variantsOverview(c, infer, f, collapseRetries))
                            : DiscoveryLayouts.variants(Discovery.variants(c, infer, name, f, report.top, collapseRetries));
                    return Cohorts.variants(c, f, name, collapseRetries, report.top, doc, report.minCohort(), report.json());
                });
    }
}
