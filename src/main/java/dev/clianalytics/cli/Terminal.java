package dev.clianalytics.cli;

import java.util.Map;

/**
 * What is known about the terminal the command runs in: which of stdout and stderr are one, and
 * its width. The launcher finds out (bin/cli-analytics: {@code [ -t N ]} and {@code stty size},
 * the terminal's own ioctl, since shells do not export COLUMNS to programs) and passes it as
 * system properties; tests pass their own.
 *
 * @param stdout whether standard output is a terminal
 * @param stderr whether standard error is a terminal
 * @param columns the terminal's width, 0 when unknown
 */
public record Terminal(boolean stdout, boolean stderr, int columns) {
    /** No terminal at all: output goes to files or pipes. */
    public static final Terminal NONE = new Terminal(false, false, 0);

    static final int DEFAULT_WIDTH = 80;
    /** Tables are not laid out narrower: their numeric columns alone need about as much. */
    static final int MIN_WIDTH = 40;

    /** As the launcher found it. */
    static Terminal fromLauncher() {
        int columns = 0;
        try {
            columns = Integer.parseInt(System.getProperty("cli.analytics.columns", "0"));
        } catch (NumberFormatException e) {
            // not a number: unknown
        }
        return new Terminal(Boolean.getBoolean("cli.analytics.stdout.tty"), Boolean.getBoolean("cli.analytics.stderr.tty"),
                Math.max(0, columns));
    }

    /**
     * The width for text on stdout (report tables): the terminal's when stdout is one, else
     * {@code $COLUMNS} when set (a report piped on from a terminal), else 80.
     */
    int stdoutWidth(Map<String, String> env) {
        return Math.max(MIN_WIDTH, width(stdout, env));
    }

    /**
     * The width for lines drawn on stderr (progress): the terminal's, else $COLUMNS, else 80; no
     * minimum, since a progress line is shortened to any width rather than wrap.
     */
    int stderrWidth(Map<String, String> env) {
        return width(stderr, env);
    }

    private int width(boolean isTerminal, Map<String, String> env) {
        if (isTerminal && columns > 0) {
            return columns;
        }
        String value = env.get("COLUMNS");
        if (value != null && value.matches("\\d{1,4}") && Integer.parseInt(value) > 0) {
            return Integer.parseInt(value);
        }
        return DEFAULT_WIDTH;
    }
}
