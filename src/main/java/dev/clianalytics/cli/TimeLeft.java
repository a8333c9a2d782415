package dev.clianalytics.cli;

/**
 * The time left in a step, counting down between estimates. The database reports how far it is
 * in jumps (a 32 MB block read, a pipeline finished); estimating again on every redraw from a
 * share that has not moved would make the time left grow while nothing visible happens. So a new
 * estimate is made only when the share moves, and counts down until the next one.
 */
final class TimeLeft {
    private double fraction = -1;
    private long estimatedAt;
    private long estimate = -1;

    /** Forgets the previous step. */
    void reset() {
        fraction = -1;
        estimate = -1;
    }

    /**
     * "0:12 left", or null while too little is done to tell (ProgressLine.left).
     *
     * @param now the clock's nanoseconds
     * @param elapsed nanoseconds since the step began
     */
    String at(double done, long now, long elapsed) {
        if (done != fraction) {
            fraction = done;
            estimatedAt = now;
            estimate = ProgressLine.leftNanos(done, elapsed);
        }
        return estimate < 0 ? null : ProgressLine.duration(estimate - (now - estimatedAt)) + " left";
    }
}
