package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "workflow", mixinStandardHelpOptions = true, description = "One workflow in detail.")
final class ReportWorkflowCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'workflow' is not available in this build yet");
    }
}
