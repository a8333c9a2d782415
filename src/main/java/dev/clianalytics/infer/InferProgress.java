package dev.clianalytics.infer;

/** Receives progress while infer runs its steps; the command draws it, infer never prints. */
@FunctionalInterface
public interface InferProgress {
    InferProgress NONE = (step, steps, name, fraction) -> {};

    /**
     * Step {@code step} of {@code steps} (from 1) is running: {@code name} is its model (the SQL
     * file's name) or "commit"; {@code fraction} of it is done by the database's estimate, 0..1,
     * or -1 when not known. Called when a step starts and a few times a second while it runs.
     */
    void update(int step, int steps, String name, double fraction);
}
