package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "hot-paths", mixinStandardHelpOptions = true, description = "Where failures cluster.")
final class ReportHotPathsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'hot-paths' is not available in this build yet");
    }
}
