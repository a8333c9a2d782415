package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "infer", mixinStandardHelpOptions = true, description = "Infer sessions, workflow runs, outcomes and failure hot paths.")
final class InferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions options = RootCommand.options(spec);
        try (Database db = Database.open(options.db(), options.dbSettings())) {
            throw new CliAnalyticsException("'infer' is not available in this build yet");
        }
    }
}
