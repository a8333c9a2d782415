package dev.clianalytics.cli;

import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Discovery;
import dev.clianalytics.report.DiscoveryLayouts;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Reports;
import dev.clianalytics.report.html.HtmlReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "graph",
        description = {"Which step follows which: the directly-follows graph of the runs.",
                "Nodes are steps (events, failures) plus start and end:OUTCOME; edges count",
                "consecutive events of one run with the median gap between them. Mermaid and",
                "DOT draw it (failing steps shaded); --top N keeps the N most frequent edges."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report graph apply_workflow --format mermaid",
                "  cli-analytics report graph --format dot --min-count 50 | dot -Tsvg > flow.svg",
                "  cli-analytics report graph apply_workflow --format json",
                "  cli-analytics report graph apply_workflow --format html -o flow.html"})
final class ReportGraphCommand implements Callable<Integer>, OutputOption.Page {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Mixin
    OutputOption output = new OutputOption();

    @Parameters(paramLabel = "WORKFLOW", arity = "0..1",
            description = "Only this workflow's runs (default: every workflow's).")
    String name;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "1",
            description = "Drop edges of fewer than N pairs, and the nodes left without an edge (default: ${DEFAULT-VALUE}).")
    long minCount;

    @Override
    public Integer call() {
        var filter = report.filter();
        if (minCount < 1) {
            throw new ParameterException(spec.commandLine(), "--min-count must be at least 1, not " + minCount);
        }
        // every edge unless --top is given: its default of 10 rows suits lists, not a graph
        Integer maxEdges = spec.commandLine().getParseResult().hasMatchedOption("--top") ? report.top : null;
        return ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                output.file, (c, infer) -> {
                    ReportFilter f = Reports.resolveTool(c, filter);
                    return Cohorts.graph(c, f, name, DiscoveryLayouts.graph(Discovery.graph(c, infer, name, f, minCount,
                            maxEdges)), report.minCohort(), report.json());
                },
                (c, infer) -> HtmlReport.graph(c, infer, report.minCohort(), name, filter, report.top, minCount,
                        maxEdges));
    }
}
