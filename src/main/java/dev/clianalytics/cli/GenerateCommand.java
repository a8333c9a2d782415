package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write deterministic sample events.")
final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliAnalyticsException("'generate' is not available in this build yet");
    }
}
