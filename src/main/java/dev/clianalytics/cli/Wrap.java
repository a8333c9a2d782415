package dev.clianalytics.cli;

/**
 * Messages on a terminal wrapped at spaces to its width, so that a long summary line does not
 * break mid-word at the edge; continuation lines are indented by two spaces. Only on a
 * terminal: in a pipe or a log each message stays one line, for grep.
 */
final class Wrap {
    private static final String MORE = "  ";

    private Wrap() {}

    /** The text for stderr: wrapped to the terminal's width when stderr is one, else as it is. */
    static String forStderr(GlobalOptions options, String text) {
        return options.terminal().stderr() ? lines(text, options.progressWidth()) : text;
    }

    /** Every line of the text in lines shorter than width; a word longer than a line stays whole. */
    static String lines(String text, int width) {
        int max = Math.max(MORE.length() + 10, width - 1);
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (b.length() > 0) {
                b.append('\n');
            }
            String rest = line;
            boolean first = true;
            while ((first ? rest.length() : MORE.length() + rest.length()) > max) {
                int room = first ? max : max - MORE.length();
                int at = rest.lastIndexOf(' ', room);
                if (at <= 0) {
                    at = rest.indexOf(' ', room);   // a word longer than a line: after it
                }
                if (at <= 0) {
                    break;
                }
                b.append(first ? "" : MORE).append(rest, 0, at).append('\n');
                rest = rest.substring(at + 1);
                first = false;
            }
            b.append(first ? "" : MORE).append(rest);
        }
        return b.toString();
    }
}
