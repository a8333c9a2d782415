package dev.clianalytics.cli;

import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Overall counts, outcomes, top workflows, failure hot paths and recovery.",
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report summary",
                "  cli-analytics report summary --format json --exclude-ci --since 2026-01-01",
                "  cli-analytics report summary --tool terraform --top 5 --format markdown"})
final class ReportSummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        var filter = report.filter();
        return ReportRun.run(spec, report.format,
                (c, infer) -> Layouts.summary(Reports.summary(c, infer, filter, report.top)));
    }
}
