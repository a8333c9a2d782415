package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole pipeline on sample data in a fresh database.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'demo' is not available in this build yet");
    }
}
