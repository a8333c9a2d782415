package dev.clianalytics.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.db.LockWait;
import dev.clianalytics.report.Cohort;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Document;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.InferInfo;
import dev.clianalytics.report.html.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every report command does: open the database with current derived tables (CurrentTables:
 * read-only, or inferring first when data arrived since the last infer), build, render to stdout.
 */
final class ReportRun {
    private ReportRun() {}

    /** A report with the options every report shares. */
    static int run(GlobalOptions options, PrintWriter out, PrintWriter err, ReportOptions report,
            BiFunction<Connection, InferInfo, Document> build) {
        return run(options, out, err, options.db(), report.format, report.refresh, report.wait.lockWait(options, err),
                report.from.get(), cohort(report, build));
    }

    /**
     * --min-cohort for a report that does not count actors itself (as Cohorts.summary, .workflow do):
     * rows with their own actors column are judged by it, everything else is hidden (Cohorts.scope).
     */
    private static BiFunction<Connection, InferInfo, Document> cohort(ReportOptions report,
            BiFunction<Connection, InferInfo, Document> build) {
        return (c, infer) -> {
            Document doc = build.apply(c, infer);
            int k = report.minCohort();
            if (k <= 1 || Cohort.applied(doc)) {
                return doc;
            }
            return Cohorts.scope(doc, k, report.json());
        };
    }

    /** A report on another database (demo's), refreshing as by default and not waiting. */
    static int run(CommandSpec spec, Path dbFile, ReportFormat format, BiFunction<Connection, InferInfo, Document> build) {
        return run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), dbFile, format,
                new RefreshOptions(), LockWait.NONE, null, build);
    }

    /**
     * A report that also has `--format html` and `-o FILE`: page builds the page's data for html,
     * build the document for the other formats; output null writes to stdout.
     */
    static int run(GlobalOptions options, PrintWriter out, PrintWriter err, ReportOptions report, Path output,
            BiFunction<Connection, InferInfo, Document> build, BiFunction<Connection, InferInfo, ObjectNode> page) {
        if (output != null) {
            OutputOption.check(output); // before any work
        }
        ReportFormat format = report.format;
        Object made;
        try (CurrentTables tables = CurrentTables.open(options, err, options.db(), report.refresh,
                report.wait.lockWait(options, err), report.from.get())) {
            made = format == ReportFormat.HTML ? page.apply(tables.db().connection(), tables.infer())
                    : cohort(report, build).apply(tables.db().connection(), tables.infer());
        }
        OutputOption.Body body = format == ReportFormat.HTML ? w -> HtmlReport.write((ObjectNode) made, w)
                : w -> format.renderer(options.tableWidth()).render((Document) made, w);
        if (output == null) {
            try {
                body.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        } else {
            OutputOption.wrote(options, err, output, OutputOption.write(output, body));
        }
        return ExitCodes.OK;
    }

    static int run(GlobalOptions options, PrintWriter out, PrintWriter err, Path dbFile, ReportFormat format,
            RefreshOptions refresh, LockWait wait, String from, BiFunction<Connection, InferInfo, Document> build) {
        Document doc;
        try (CurrentTables tables = CurrentTables.open(options, err, dbFile, refresh, wait, from)) {
            doc = build.apply(tables.db().connection(), tables.infer());
        }
        render(out, format, doc, options.tableWidth());
        return ExitCodes.OK;
    }

    static void render(PrintWriter out, ReportFormat format, Document doc, int width) {
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
