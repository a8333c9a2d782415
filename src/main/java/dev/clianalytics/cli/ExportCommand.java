package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the database tables as CSV, JSON lines or Parquet.")
final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'export' is not available in this build yet");
    }
}
