package dev.clianalytics.cli;

import dev.clianalytics.ingest.IngestProgress;
import dev.clianalytics.ingest.InputFile;
import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A one-line progress bar on stderr (events, MB, rate), drawn only once a run has taken a second.
 * Event counts are estimates (bytes read / average line length) and shown with a ~.
 */
final class ProgressBar implements IngestProgress {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final Map<InputFile, Long> lines = new IdentityHashMap<>();
    private long bytesDone;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(InputFile file, double fraction, long bytes, long bytesTotal, long linesDone) {
        if (linesDone >= 0) {
            lines.merge(file, linesDone, Math::max);
        }
        bytesDone = Math.max(bytesDone, bytes);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds < 1.0) {
            return;
        }
        double done = bytesTotal == 0 ? 1 : Math.min(1, (double) bytesDone / bytesTotal);
        int filled = (int) Math.round(done * WIDTH);
        long events = lines.values().stream().mapToLong(Long::longValue).sum();
        String counted = lines.isEmpty() ? "" : String.format(Locale.ROOT, "~%,d events  ", events);
        String rate = lines.isEmpty() ? String.format(Locale.ROOT, "%.1f MB/s", bytesDone / 1e6 / seconds)
                : String.format(Locale.ROOT, "~%,.0f events/s", events / seconds);
        err.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %s%.1f/%.1f MB  %s ", "=".repeat(filled), " ".repeat(WIDTH - filled),
                done * 100, counted, bytesDone / 1e6, bytesTotal / 1e6, rate);
        err.flush();
        drawn = true;
    }

    /** Removes the bar so the summary starts on a clean line. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
