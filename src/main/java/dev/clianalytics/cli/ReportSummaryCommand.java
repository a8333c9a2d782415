package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "summary", mixinStandardHelpOptions = true, description = "Overall counts, top workflows and failure hot paths.")
final class ReportSummaryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'summary' is not available in this build yet");
    }
}
