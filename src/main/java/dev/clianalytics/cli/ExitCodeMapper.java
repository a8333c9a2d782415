package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** Maps the product's exception types to SPEC §2's exit codes; anything else is a runtime failure. */
final class ExitCodeMapper implements IExitCodeExceptionMapper {
    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof ParameterException) {
            return ExitCodes.USAGE;
        }
        if (exception instanceof CliAnalyticsException.DatabaseUnavailable) {
            return ExitCodes.DATABASE_UNAVAILABLE;
        }
        if (exception instanceof CliAnalyticsException.InputRejected) {
            return ExitCodes.INPUT_REJECTED;
        }
        if (exception instanceof CliAnalyticsException.Interrupted) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.RUNTIME_FAILURE;
    }
}
