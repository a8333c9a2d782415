package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import java.util.List;

/**
 * How wide each column of a text table is for a target width. Numbers, times and short texts keep
 * their width; the room left goes to the columns that carry meaning (names, fingerprints, messages).
 * When the table is wider than the target, in this order:
 * <ol>
 * <li>header labels much wider than their values wrap onto two lines ("in" over "progress");
 * <li>the long columns share what is left: each up to its own width, the widest cut first, none
 *     below {@link #MIN_LONG} characters (or its label);
 * <li>but a message that would be cut beside another long column moves to a line of its own under
 *     each row, where it has nearly the whole width (a message squeezed beside a fingerprint says
 *     nothing), and the others share the room.
 * </ol>
 * What still does not fit overflows: numbers are never cut.
 *
 * @param widths every column's width (that of the moved message column is unused)
 * @param below the column shown under each row, or -1
 * @param header the label of each column, its bottom line when the header has two
 * @param headerTop the top line of each label ("" for most), or null when the header has one line
 */
record TableLayout(List<Column> columns, int[] widths, int below, String[] header, String[] headerTop) {
    static final int MIN_LONG = 10;
    /** A label wraps only when that gives its column's values at least this many characters back. */
    static final int MIN_WRAP_GAIN = 3;

    boolean twoLineHeader() {
        return headerTop != null;
    }

    static TableLayout of(List<Column> columns, List<String[]> cells, int width, int indent, int gap) {
        int n = columns.size();
        int[] values = new int[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = columns.get(i).label();
            for (String[] row : cells) {
                values[i] = Math.max(values[i], row[i].length());
            }
        }
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = Math.max(values[i], header[i].length());
        }
        String[] top = null;
        // wrap the label that gives most room until the table fits
        while (total(widths, -1, indent, gap) > width) {
            int pick = -1;
            int saves = MIN_WRAP_GAIN - 1;
            for (int i = 0; i < n; i++) {
                int wrapped = Math.max(values[i], longestHalf(header[i]));
                if (!isLong(columns.get(i).kind()) && (top == null || top[i].isEmpty()) && widths[i] - wrapped > saves) {
                    pick = i;
                    saves = widths[i] - wrapped;
                }
            }
            if (pick < 0) {
                break;
            }
            if (top == null) {
                top = new String[n];
                java.util.Arrays.fill(top, "");
            }
            int split = splitAt(header[pick]);
            top[pick] = header[pick].substring(0, split);
            header[pick] = header[pick].substring(split + 1);
            widths[pick] -= saves;
        }
        int below = -1;
        int message = messageBeside(columns);
        if (message >= 0) {
            int[] inline = widths.clone();
            shareRoom(columns, inline, -1, width - total(inline, -1, indent, gap));
            if (inline[message] < widths[message]) {
                below = message;
            }
        }
        shareRoom(columns, widths, below, width - total(widths, below, indent, gap));
        return new TableLayout(columns, widths, below, header, top);
    }

    /** The message column when another long column competes with it for room, else -1. */
    private static int messageBeside(List<Column> columns) {
        int message = -1;
        int longOnes = 0;
        for (int i = 0; i < columns.size(); i++) {
            Kind kind = columns.get(i).kind();
            if (isLong(kind)) {
                longOnes++;
                if (kind == Kind.MESSAGE && message < 0) {
                    message = i;
                }
            }
        }
        return longOnes > 1 ? message : -1;
    }

    /**
     * Narrows the long columns by {@code -excess} characters in all when it is negative: the
     * narrowest keep their width while it is within an equal share, the others get the share.
     */
    private static void shareRoom(List<Column> columns, int[] widths, int below, int excess) {
        if (excess >= 0) {
            return;
        }
        List<Integer> longOnes = new java.util.ArrayList<>();
        int room = 0;
        for (int i = 0; i < widths.length; i++) {
            if (i != below && isLong(columns.get(i).kind())) {
                longOnes.add(i);
                room += widths[i];
            }
        }
        room += excess;
        longOnes.sort(java.util.Comparator.comparingInt(i -> widths[i]));
        int left = longOnes.size();
        for (int i : longOnes) {
            int min = Math.min(widths[i], Math.max(MIN_LONG, columns.get(i).label().length()));
            int share = left == 1 ? room : room / left;
            widths[i] = Math.max(min, Math.min(widths[i], share));
            room -= widths[i];
            left--;
        }
    }

    static boolean isLong(Kind kind) {
        return kind == Kind.NAME || kind == Kind.PATH || kind == Kind.MESSAGE;
    }

    private static int total(int[] widths, int below, int indent, int gap) {
        int total = indent;
        int shown = 0;
        for (int i = 0; i < widths.length; i++) {
            if (i != below) {
                total += widths[i];
                shown++;
            }
        }
        return total + gap * Math.max(0, shown - 1);
    }

    /** The space that splits a label into its most even two lines, or -1 without one. */
    private static int splitAt(String label) {
        int best = -1;
        for (int i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) {
            if (best < 0 || Math.max(i, label.length() - i - 1) < Math.max(best, label.length() - best - 1)) {
                best = i;
            }
        }
        return best;
    }

    /** The width of a label on two lines (its own width when it has no space). */
    private static int longestHalf(String label) {
        int split = splitAt(label);
        return split < 0 ? label.length() : Math.max(split, label.length() - split - 1);
    }
}
