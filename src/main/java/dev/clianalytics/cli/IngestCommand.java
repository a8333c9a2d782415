package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Load event files into the database.")
final class IngestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'ingest' is not available in this build yet");
    }
}
