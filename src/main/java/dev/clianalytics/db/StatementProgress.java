package dev.clianalytics.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Tells a listener, five times a second on a daemon thread, how far DuckDB estimates the statement
 * that the database's connection is running: 0..1, or -1 when DuckDB cannot tell (a statement
 * whose operators do not report progress, or none running). DuckDB keeps that estimate only with
 * its progress bar enabled; its own printing of the bar (to stdout) stays off. Open it, run the
 * statements, close it; the settings are put back on close.
 */
public final class StatementProgress implements AutoCloseable {
    private final Database db;
    private final Statement probe;
    private final ScheduledExecutorService timer;

    private StatementProgress(Database db, Statement probe, ScheduledExecutorService timer) {
        this.db = db;
        this.probe = probe;
        this.timer = timer;
    }

    /**
     * Starts watching; call on the thread that runs the statements, before them. Never fails:
     * when the estimate cannot be had, the listener is not called.
     */
    public static StatementProgress start(Database db, DoubleConsumer listener) {
        Statement probe;
        DuckDBPreparedStatement duck;
        try {
            db.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
            // progress is the connection's; any statement of it asks (the driver's public way to)
            probe = db.connection().createStatement();
            duck = probe.unwrap(DuckDBPreparedStatement.class);
        } catch (SQLException e) {
            return new StatementProgress(db, null, null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statement-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                QueryProgress q = duck.getQueryProgress();
                listener.accept(q.getPercentage() < 0 ? -1 : Math.min(1, q.getPercentage() / 100));
            } catch (SQLException | RuntimeException ignored) {
                // progress is a nicety: a failed poll must never disturb the work
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        return new StatementProgress(db, probe, timer);
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            probe.close();
            db.execute("RESET enable_progress_bar; RESET enable_progress_bar_print");
        } catch (SQLException e) {
            // only display settings of this connection, which closes soon
        }
    }
}
