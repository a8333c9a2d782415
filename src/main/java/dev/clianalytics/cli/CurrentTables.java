package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.LockWait;
import dev.clianalytics.db.ParquetTables;
import dev.clianalytics.infer.InferService;
import dev.clianalytics.infer.SettingsFile;
import dev.clianalytics.infer.SettingsLayers;
import dev.clianalytics.report.Freshness;
import dev.clianalytics.report.InferInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Opens the database for a report or an export of derived tables, with tables that describe the
 * stored data. Current tables (the usual case) are read on a read-only connection. Otherwise (new
 * data since the last infer, cli-analytics.yaml edited since, or no infer yet) the tables are first
 * rebuilt with the settings a plain infer would use, on a writing connection (which needs the
 * database's write lock); with --no-refresh they are shown as they are with a warning; with
 * --strict the command fails.
 */
final class CurrentTables implements AutoCloseable {
    private final Database db;
    private final InferInfo infer;

    private CurrentTables(Database db, InferInfo infer) {
        this.db = db;
        this.infer = infer;
    }

    Database db() {
        return db;
    }

    InferInfo infer() {
        return infer;
    }

    @Override
    public void close() {
        db.close();
    }

    /** As {@link #open(GlobalOptions, PrintWriter, Path, RefreshOptions, LockWait)}, or from {@code from} (--from DIR) when given. */
    static CurrentTables open(GlobalOptions options, PrintWriter err, Path dbFile, RefreshOptions refresh, LockWait wait,
            String from) {
        return from == null ? open(options, err, dbFile, refresh, wait) : fromDirectory(options, err, from, refresh);
    }

    /**
     * The tables of a directory of Parquet folders (ParquetTables). Nothing can be refreshed there:
     * stale tables are shown as they are, with a warning (--strict makes that an error); without
     * infer_runs/ the directory has no derived tables to report.
     */
    private static CurrentTables fromDirectory(GlobalOptions options, PrintWriter err, String from, RefreshOptions refresh) {
        if (refresh.noRefresh && refresh.strict) {
            throw new CliAnalyticsException("--no-refresh and --strict contradict each other: choose one");
        }
        Database db = ParquetTables.open(from, options.dbSettings());
        try {
            Freshness f = Freshness.read(db.connection());
            if (f.infer() == null) {
                throw new CliAnalyticsException(from + " holds no infer_runs/ folder, so no derived tables to report: write it"
                        + " with the Spark job or export --snapshot of an inferred database");
            }
            if (!f.current()) {
                String stale = "the derived tables in " + from + " are stale (" + f.whatIsNew() + " since the infer they"
                        + " come from)";
                if (refresh.strict) {
                    throw new CliAnalyticsException(stale + " and --strict was given; --from cannot infer");
                }
                err.println("warning: " + stale + "; shown as they are (--from cannot infer)");
                err.flush();
            }
            return new CurrentTables(db, f.infer());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static CurrentTables open(GlobalOptions options, PrintWriter err, Path dbFile, RefreshOptions refresh, LockWait wait) {
        if (refresh.noRefresh && refresh.strict) {
            throw new CliAnalyticsException("--no-refresh and --strict contradict each other: choose one");
        }
        String dbArgument = ReportRun.dbArgument(dbFile);
        Database db = Database.openReadOnly(dbFile, options.dbSettings(), wait);
        try {
            Freshness f = Freshness.read(db.connection());
            String stale = staleness(f, dbFile);
            if (stale == null) {
                return new CurrentTables(db, f.infer());
            }
            if (!f.ingested() && f.infer() == null || refresh.strict) {
                f.require(dbArgument); // the error that names the fix
                throw new CliAnalyticsException(stale + ": run 'cli-analytics" + dbArgument + " infer' to apply it");
            }
            if (refresh.noRefresh) {
                if (f.infer() == null) {
                    f.require(dbArgument); // nothing to show
                }
                err.println("warning: the derived tables are stale (" + stale + ") and shown as they are (--no-refresh);"
                        + " run 'cli-analytics" + dbArgument + " infer' to bring them up to date");
                err.flush();
                return new CurrentTables(db, f.infer());
            }
            db.close();
            db = null;
            db = Database.open(dbFile, InferCommand.settings(options), wait);
            return refreshed(options, err, dbFile, db);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw e;
        }
    }

    /** Infers on the writing connection when the tables are still stale (another process may have done it meanwhile). */
    private static CurrentTables refreshed(GlobalOptions options, PrintWriter err, Path dbFile, Database db) {
        Freshness f = Freshness.read(db.connection());
        String stale = staleness(f, dbFile);
        if (stale != null) {
            SettingsLayers.Resolved resolved = SettingsLayers.resolve(db.connection(), SettingsLayers.Given.NONE,
                    SettingsFile.read(dbFile));
            if (!options.quiet()) {
                err.println(stale + ": inferring with " + SettingsLine.refresh(resolved));
                err.flush();
            }
            InferService.run(db, resolved.settings());
            f = Freshness.read(db.connection());
        }
        return new CurrentTables(db, f.require(ReportRun.dbArgument(dbFile)));
    }

    /** Why the tables do not describe the data (null when they do); status says it too. */
    static String staleness(Freshness f, Path dbFile) {
        if (f.infer() == null) {
            return "infer has not run on this database yet";
        }
        if (!f.current()) {
            return f.whatIsNew() + " since the last infer";
        }
        Path settings = SettingsFile.beside(dbFile);
        if (editedAfter(settings, f.infer().finishedAt())) {
            return settings + " changed since the last infer";
        }
        return null;
    }

    /**
     * Whether the file was modified after {@code instant}. A modification time in the future (a
     * skewed clock) is not taken as an edit: it would stay "after" every infer, and every report
     * would infer again.
     */
    private static boolean editedAfter(Path file, Instant instant) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return instant != null && modified.isAfter(instant) && !modified.isAfter(Instant.now());
        } catch (IOException e) {
            return false; // no settings file
        }
    }
}
