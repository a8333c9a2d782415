package dev.clianalytics.cli;

import dev.clianalytics.cli.ProgressLine.Detail;
import dev.clianalytics.infer.InferProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Infer's progress line on stderr: which step of how many is running (its model's name), a bar
 * while the database can estimate that step, its time left or so far, and the time of the run.
 */
final class InferProgressLine implements InferProgress {
    /** "step 12/20 " and the longest model name: the bar stays in place from step to step. */
    private static final int LABEL = 33;
    private final StatusLine line;
    private int step;
    private long stepStart;
    private final TimeLeft timeLeft = new TimeLeft();

    InferProgressLine(PrintWriter err, int width) {
        this(err, width, System::nanoTime);
    }

    InferProgressLine(PrintWriter err, int width, LongSupplier clock) {
        this.line = new StatusLine(err, width, clock);
    }

    @Override
    public synchronized void update(int current, int steps, String name, double fraction) {
        if (current != step) {
            step = current;
            stepStart = line.now();
            timeLeft.reset();
        }
        long inStep = line.now() - stepStart;
        String left = fraction < 0 ? null : timeLeft.at(fraction, line.now(), inStep);
        List<Detail> details = new ArrayList<>();
        details.add(new Detail(left != null ? left : ProgressLine.duration(inStep) + " in step", 2));
        details.add(new Detail(ProgressLine.duration(line.elapsed()) + " in all", 1));
        line.draw(ProgressLine.format("step " + current + "/" + steps + " " + name, LABEL, fraction, details,
                line.width()));
    }

    /** Removes the line so the summary starts on a clean one. */
    void clear() {
        line.clear();
    }
}
