package dev.clianalytics.cli;

import dev.clianalytics.db.DbSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs from the root: where the database is, how chatty to be, the
 * environment and the standard streams (passed in, not read from System, so tests can set them).
 *
 * @param progress whether progress bars may be drawn (stderr is a terminal, no --quiet, no NO_COLOR)
 * @param stdout the raw standard output, for bulk data such as {@code generate -o -}
 */
public record GlobalOptions(
        Path db, boolean verbose, boolean quiet, boolean progress, Map<String, String> env,
        InputStream stdin, OutputStream stdout) {

    public DbSettings dbSettings() {
        return DbSettings.fromEnv(env);
    }
}
