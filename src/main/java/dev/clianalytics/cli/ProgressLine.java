package dev.clianalytics.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of one progress line, fitted to a width: a label, a bar with its percentage when the
 * fraction done is known, then details. The bar is a quarter of the width ({@link #MIN_BAR} to
 * {@link #MAX_BAR}); details that do not fit go, least useful first (each detail's rank), before
 * the bar gets narrower; the line is never longer than
 * {@code width - 1} (a line as wide as the terminal wraps on some terminals, and \r then redraws
 * only its second half).
 */
final class ProgressLine {
    static final int MIN_BAR = 10;
    static final int MAX_BAR = 30;
    private static final int LABEL = 10;

    /** A piece of the line after the bar; the lowest rank is dropped first. */
    record Detail(String text, int rank) {}

    private ProgressLine() {}

    /**
     * @param fraction how much is done, 0..1, or negative when unknown (no bar then)
     * @param details in the order shown
     */
    static String format(String label, double fraction, List<Detail> details, int width) {
        return format(label, LABEL, fraction, details, width);
    }

    /** As above, the label padded to {@code labelWidth} so that the bar stays in place from line to line. */
    static String format(String label, int labelWidth, double fraction, List<Detail> details, int width) {
        int max = Math.max(1, width - 1);
        List<Detail> shown = new ArrayList<>(details);
        if (fraction < 0) {
            while (true) {
                String line = label + join(shown);
                if (line.length() <= max || shown.isEmpty()) {
                    return cut(line, max);
                }
                shown.remove(lowest(shown));
            }
        }
        String head = label.length() >= labelWidth ? label + " " : label + " ".repeat(labelWidth - label.length());
        String percent = String.format(Locale.ROOT, "%3d%%", (int) Math.floor(Math.min(1, fraction) * 100));
        // the bar's width depends on the terminal's only, so it does not jump as the details change
        int bar = Math.max(MIN_BAR, Math.min(MAX_BAR, width / 4));
        while (true) {
            String tail = join(shown);
            int fixed = head.length() + 3 + percent.length() + tail.length();
            if (fixed + bar <= max || shown.isEmpty()) {
                int fitted = Math.min(bar, max - fixed);
                return fitted >= 3 ? head + "[" + bar(fraction, fitted) + "] " + percent + tail
                        : cut(head + percent + tail, max);
            }
            shown.remove(lowest(shown));
        }
    }

    private static String join(List<Detail> details) {
        StringBuilder b = new StringBuilder();
        for (Detail d : details) {
            b.append("  ").append(d.text());
        }
        return b.toString();
    }

    private static Detail lowest(List<Detail> details) {
        Detail low = details.get(0);
        for (Detail d : details) {
            if (d.rank() < low.rank()) {
                low = d;
            }
        }
        return low;
    }

    /** "=====>    ": the done part, its head, and the rest. */
    static String bar(double fraction, int width) {
        int done = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * width);
        if (done >= width) {
            return "=".repeat(width);
        }
        return "=".repeat(done) + ">" + " ".repeat(width - done - 1);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** 0:07, 12:34, 1:02:03. */
    static String duration(long nanos) {
        long s = Math.max(0, nanos) / 1_000_000_000L;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Nanoseconds left at the rate so far, or -1 while too little is done to tell (under 2% or
     * under 2 seconds: the first moments of a step say little about the rest).
     */
    static long leftNanos(double fraction, long elapsedNanos) {
        if (fraction < 0.02 || fraction >= 1 || elapsedNanos < 2_000_000_000L) {
            return -1;
        }
        return (long) (elapsedNanos * (1 - fraction) / fraction);
    }
}
