package dev.clianalytics.cli;

import dev.clianalytics.cli.ProgressLine.Detail;
import dev.clianalytics.ingest.IngestProgress;
import dev.clianalytics.ingest.InputFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Ingest's progress line on stderr: the phase (reading, checking, writing, committing), a bar
 * while its share done is known, and while reading the events (estimated from the bytes read and
 * the average line length, hence the ~), megabytes, rate and time left.
 */
final class ProgressBar implements IngestProgress {
    private final StatusLine line;
    private final Map<InputFile, Long> lines = new IdentityHashMap<>();
    private long bytesDone;
    private long bytesTotal;
    private Phase phase = Phase.READING;
    private long phaseStart;
    private double fraction;
    private final TimeLeft timeLeft = new TimeLeft();

    ProgressBar(PrintWriter err, int width) {
        this(err, width, System::nanoTime);
    }

    ProgressBar(PrintWriter err, int width, LongSupplier clock) {
        this.line = new StatusLine(err, width, clock);
        this.phaseStart = line.now();
    }

    @Override
    public synchronized void update(InputFile file, double fileFraction, long bytes, long total, long linesDone) {
        if (linesDone >= 0) {
            lines.merge(file, linesDone, Math::max);
        }
        bytesDone = Math.max(bytesDone, bytes);
        bytesTotal = total;
        fraction = total == 0 ? 1 : Math.min(1, (double) bytesDone / total);
        line.draw(reading());
    }

    @Override
    public synchronized void phase(Phase next, double phaseFraction) {
        if (next != phase) {
            phase = next;
            phaseStart = line.now();
            timeLeft.reset();
        }
        fraction = phaseFraction;
        line.draw(later());
    }

    /** Removes the line so the summary starts on a clean one. */
    void clear() {
        line.clear();
    }

    private String reading() {
        double seconds = line.elapsed() / 1e9;
        List<Detail> details = new ArrayList<>();
        long events = lines.values().stream().mapToLong(Long::longValue).sum();
        if (!lines.isEmpty()) {
            details.add(new Detail(String.format(Locale.ROOT, "~%,d events", events), 3));
        }
        details.add(new Detail(String.format(Locale.ROOT, "%.0f/%.0f MB", bytesDone / 1e6, bytesTotal / 1e6), 2));
        details.add(new Detail(lines.isEmpty() ? String.format(Locale.ROOT, "%.1f MB/s", bytesDone / 1e6 / seconds)
                : String.format(Locale.ROOT, "~%,.0f/s", events / seconds), 1));
        addTime(details);
        return ProgressLine.format("reading", fraction, details, line.width());
    }

    private String later() {
        List<Detail> details = new ArrayList<>();
        addTime(details);
        return ProgressLine.format(phase.name().toLowerCase(Locale.ROOT), fraction, details, line.width());
    }

    /** Time left in this phase when it can be told, else how long the phase has taken. */
    private void addTime(List<Detail> details) {
        long inPhase = line.now() - phaseStart;
        String left = fraction < 0 ? null : timeLeft.at(fraction, line.now(), inPhase);
        details.add(new Detail(left != null ? left : ProgressLine.duration(inPhase) + " elapsed", 4));
    }
}
