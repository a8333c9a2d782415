package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * `-o FILE` of the reports that also write an HTML page: the report goes to FILE instead of standard
 * output, in any format, written beside it and moved into place (as `report html` writes).
 */
final class OutputOption {
    /** A report command with `--format html` (ReportOptions refuses html for the others). */
    interface Page {}

    /** What writes the file's content. */
    interface Body {
        void write(Writer out) throws IOException;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE, replaced if it exists, instead of standard output.")
    Path file;

    /** Fails before any work when the file cannot be written there: a missing or unwritable directory. */
    static void check(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new CliAnalyticsException("cannot write " + target + ": it is a directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new CliAnalyticsException("cannot write " + target + ": no such directory " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new CliAnalyticsException("cannot write " + target + ": permission denied in " + dir);
        }
    }

    /** Writes beside the target and moves it into place, so no half-written file ever carries its name; its size. */
    static long write(Path target, Body body) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        temp.toFile().deleteOnExit();
        try {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(out);
            }
            long size = Files.size(temp);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the message below says what failed
            }
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName().equals("AccessDeniedException") ? "permission denied"
                    : String.valueOf(e.getMessage());
            throw new CliAnalyticsException("cannot write " + target + ": " + reason, e);
        }
    }

    /** "wrote FILE (N KB)" on stderr, unless --quiet. */
    static void wrote(GlobalOptions options, PrintWriter err, Path target, long bytes) {
        if (!options.quiet()) {
            err.println(String.format(Locale.ROOT, "wrote %s (%,d KB)", target, (bytes + 1023) / 1024));
            err.flush();
        }
    }
}
