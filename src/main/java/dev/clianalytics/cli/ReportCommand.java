package dev.clianalytics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Group shell: the reports are its subcommands (added by CommandLineFactory, only those needed). */
@Command(
        name = "report",
        description = {"Print a report: summary, versions, errors, funnel and more.",
            "And workflow NAME: one workflow in depth.",
            "Reports read what 'infer' derived, and refuse to print numbers when infer has",
            "not run since the last ingest."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics report summary", "  cli-analytics report workflow apply_workflow --format json",
                "  cli-analytics report html -o report.html"})
final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a report: summary, workflow NAME, hot-paths, versions, errors, trends, variants, graph, funnel [NAME], html or privacy");
    }
}
