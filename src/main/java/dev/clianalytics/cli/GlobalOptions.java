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
 * @param progress whether progress may be drawn (stderr is a terminal, no --quiet, no NO_COLOR, TERM not dumb)
 * @param stdout the raw standard output, for bulk data such as {@code generate -o -}
 * @param terminal which streams are a terminal, and its width
 */
public record GlobalOptions(
        Path db, boolean verbose, boolean quiet, boolean progress, Map<String, String> env,
        InputStream stdin, OutputStream stdout, Terminal terminal) {

    /** The width report tables are laid out for (Terminal.stdoutWidth). */
    public int tableWidth() {
        return terminal.stdoutWidth(env);
    }

    /** The width of the progress line on stderr (Terminal.stderrWidth). */
    public int progressWidth() {
        return terminal.stderrWidth(env);
    }

    public DbSettings dbSettings() {
        return DbSettings.fromEnv(env);
    }
}
