package dev.clianalytics.ingest;

import java.sql.PreparedStatement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/** Asks DuckDB how far the running statement is, a few times a second, while one file loads. */
final class ProgressPoller implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private ProgressPoller(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ProgressPoller start(PreparedStatement statement, InputFile file, long before, long total, IngestProgress progress) {
        if (progress == IngestProgress.NONE) {
            return new ProgressPoller(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                QueryProgress q = statement.unwrap(DuckDBPreparedStatement.class).getQueryProgress();
                double fraction = q.getPercentage() < 0 ? 0 : Math.min(1, q.getPercentage() / 100.0);
                progress.update(file, fraction, before + (long) (fraction * file.bytes()), total, q.getRowsProcessed());
            } catch (Exception | Error ignored) {
                // progress is a nicety: a failed poll must never disturb the load
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        return new ProgressPoller(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
