package dev.clianalytics.cli;

import dev.clianalytics.db.Database;
import dev.clianalytics.report.Document;
import dev.clianalytics.report.Format;
import dev.clianalytics.report.InferInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;

/** What every report command does: open read-only, check infer is current, build, render to stdout. */
final class ReportRun {
    private ReportRun() {}

    static int run(CommandSpec spec, Format format, BiFunction<Connection, InferInfo, Document> build) {
        return run(spec, RootCommand.options(spec).db(), format, build);
    }

    static int run(CommandSpec spec, Path dbFile, Format format, BiFunction<Connection, InferInfo, Document> build) {
        return run(RootCommand.options(spec), spec.commandLine().getOut(), dbFile, format, build);
    }

    /** The same without picocli's model (QuickPath): the options and the writer for stdout given. */
    static int run(GlobalOptions options, PrintWriter out, Path dbFile, Format format,
            BiFunction<Connection, InferInfo, Document> build) {
        Document doc;
        try (Database db = Database.openReadOnly(dbFile, options.dbSettings())) {
            InferInfo infer = InferInfo.require(db.connection(), dbArgument(dbFile));
            doc = build.apply(db.connection(), infer);
        }
        render(out, format, doc, options.tableWidth());
        return ExitCodes.OK;
    }

    static void render(PrintWriter out, Format format, Document doc, int width) {
        try {
            format.renderer(width).render(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A reader that stops early (| head) is normal use, as for any Unix filter: no error.
        out.flush();
    }

    /** " --db FILE" when the database is not the default one, so suggested commands work as printed. */
    static String dbArgument(Path db) {
        String path = db.toString();
        if (path.equals(RootCommand.DEFAULT_DB)) {
            return "";
        }
        return " --db " + (path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'");
    }
}
