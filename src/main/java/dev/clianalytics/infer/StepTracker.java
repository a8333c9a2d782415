package dev.clianalytics.infer;

/**
 * Which step of a run is running: told to the progress listener at each start (with the database's
 * estimate in between), and named in the message when the step fails. Before the first model the
 * step is "settings".
 */
final class StepTracker {
    private record Current(int step, String name) {}

    private final InferProgress progress;
    private final int total;
    private volatile Current current = new Current(0, "settings");

    StepTracker(InferProgress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    void start(String name) {
        Current next = new Current(current.step() + 1, name);
        current = next;
        progress.update(next.step(), total, name, -1);
    }

    /** The step that runs (or last ran). */
    String name() {
        return current.name();
    }

    /** The database's estimate of how far the running statement is (0..1). */
    void estimate(double fraction) {
        Current now = current;
        if (now.step() > 0) {
            progress.update(now.step(), total, now.name(), fraction);
        }
    }
}
