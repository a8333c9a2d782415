package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.db.LockWait;
import dev.clianalytics.infer.InferService;
import dev.clianalytics.ingest.WordTakeBack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Opens a database for ingest or infer, first finishing schema 14's upgrade when it is pending
 * (docs/ingest.md, "Rare words held back", *Upgrade*): the stored words the rare-word rule holds back
 * now are taken back into tokens, then the file is rewritten into a new one that replaces it, since
 * DuckDB keeps replaced values in the old file's freed blocks. A run killed between the two steps
 * leaves state 'rewrite', and the next writing command rewrites.
 */
final class WritingDatabase {
    private WritingDatabase() {}

    static Database open(GlobalOptions options, DbSettings settings, LockWait wait, PrintWriter err,
            Function<Database, WordTakeBack.Rule> rule) {
        Path file = options.db();
        Database db = Database.open(file, settings, wait);
        try {
            WordTakeBack.State state = WordTakeBack.state(db.connection());
            if (state == WordTakeBack.State.DONE) {
                return db;
            }
            if (state == WordTakeBack.State.PENDING) {
                WordTakeBack.Rule r = rule.apply(db);
                WordTakeBack.Result result = WordTakeBack.takeBack(db, r, InferService.derivedTables());
                if (!options.quiet()) {
                    err.println(Wrap.forStderr(options, message(result, r.k())));
                    err.flush();
                }
                if (result.wordsTakenBack() == 0) {
                    return db;
                }
            }
            Path rewritten = file.resolveSibling(file.getFileName() + ".upgrade");
            db.copyInto(rewritten, "UPDATE word_upgrade SET state = 'done'");
            db.close();
            db = null;
            Database.replaceFile(file, rewritten);
            return Database.open(file, settings, wait);
        } catch (SQLException e) {
            if (db != null) {
                db.close();
            }
            throw new CliAnalyticsException("the upgrade of database " + file + " to schema 14 failed: " + e.getMessage()
                    + "; nothing stored was lost, and the next ingest or infer tries again", e);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw e;
        }
    }

    private static String message(WordTakeBack.Result result, int k) {
        if (result.wordsTakenBack() == 0) {
            return "upgrade: no stored command word of an earlier build falls under the rare-word rule (k = " + k + ")";
        }
        return String.format(Locale.ROOT, "upgrade: %,d command word%s and flag name%s stored by an earlier build, seen from"
                + " fewer than %d actors, are now tokens in %,d event%s (report privacy counts them); the database file was"
                + " rewritten, and the derived tables are emptied until the next infer",
                result.wordsTakenBack(), result.wordsTakenBack() == 1 ? "" : "s", result.wordsTakenBack() == 1 ? "" : "s", k,
                result.eventsChanged(), result.eventsChanged() == 1 ? "" : "s");
    }
}
