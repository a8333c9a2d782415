package dev.clianalytics.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * One line on stderr redrawn in place: carriage return, the text, then "clear to the end of the
 * line" (so a shorter text leaves nothing of the longer one before it). Nothing is drawn during
 * the first second, so quick runs show no progress at all.
 */
final class StatusLine {
    static final String CLEAR_TO_END = "\033[K";
    private static final long DELAY = 1_000_000_000L;

    private final PrintWriter err;
    private final int width;
    private final LongSupplier clock;
    private final long start;
    private boolean drawn;
    private boolean closed;

    /**
     * @param width the terminal's width; every line is shorter
     * @param clock nanoseconds (System::nanoTime; tests pass their own)
     */
    StatusLine(PrintWriter err, int width, LongSupplier clock) {
        this.err = err;
        this.width = width;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    int width() {
        return width;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Nanoseconds since the line was made. */
    long elapsed() {
        return clock.getAsLong() - start;
    }

    /** Draws the text (fitted to the width by the caller), once the first second has passed. */
    synchronized void draw(String text) {
        if (closed || elapsed() < DELAY) {
            return;
        }
        err.print("\r" + text + CLEAR_TO_END);
        err.flush();
        drawn = true;
    }

    /** Removes the line for good, so what is printed next starts on a clean one. */
    synchronized void clear() {
        closed = true;
        if (drawn) {
            err.print("\r" + CLEAR_TO_END);
            err.flush();
            drawn = false;
        }
    }
}
