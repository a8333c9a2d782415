package dev.clianalytics.cli;

import dev.clianalytics.ingest.IngestProgress;
import dev.clianalytics.ingest.InputFile;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr (lines, MB, rate), drawn only once a run has taken a second. */
final class ProgressBar implements IngestProgress {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long linesBefore;
    private InputFile current;
    private long lastLines;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(InputFile file, double fraction, long bytesDone, long bytesTotal, long linesDone) {
        if (file != current) {
            linesBefore += lastLines;
            lastLines = 0;
            current = file;
        }
        if (linesDone >= 0) {
            lastLines = linesDone;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds < 1.0) {
            return;
        }
        double done = bytesTotal == 0 ? 1 : Math.min(1, (double) bytesDone / bytesTotal);
        int filled = (int) Math.round(done * WIDTH);
        long lines = linesBefore + lastLines;
        err.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %,d events  %.1f/%.1f MB  %,.0f events/s ",
                "=".repeat(filled), " ".repeat(WIDTH - filled), done * 100, lines, bytesDone / 1e6, bytesTotal / 1e6,
                lines / seconds);
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
