package dev.clianalytics.cli;

import dev.clianalytics.report.Format;
import dev.clianalytics.report.ReportFilter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The commonest command lines without picocli's command model, whose reflection over the
 * annotations costs more than the rest of a report's start-up (docs/startup.md).
 *
 * <p>{@code --version} (or {@code -V}) alone prints the version line as picocli does. Of the
 * reports, {@code report summary} and {@code report hot-paths} with plain, valid arguments are taken:
 * {@code --db FILE}, {@code -v}, {@code -q} (and their long forms) anywhere, and after the report
 * {@code --format}, {@code --top}, {@code --tool}, {@code --since}, {@code --until}, {@code --exclude-ci},
 * each at most once, values separate or after '='. Anything else (help, --version, @files, '--',
 * clustered or repeated options, a value picocli would read differently or reject, --top below 1,
 * --since not before --until) returns null, and picocli handles the command line as always; so
 * help, completion and every usage error are picocli's. A failure while the report runs is
 * reported by picocli's handler on the parsed command line, so messages and exit codes are the same.
 */
final class QuickPath {
    private QuickPath() {}

    /** The parsed arguments, or null when picocli must see them. */
    record Request(String report, Path db, boolean verbose, boolean quiet, ReportOptions options, ReportFilter filter) {}

    /** Runs the command line when it is one of those; null when picocli must handle it. */
    static Integer run(Map<String, String> env, boolean stderrIsTerminal, InputStream stdin, OutputStream stdout,
            OutputStream stderr, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            PrintWriter out = CommandLineFactory.writer(stdout);
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        Request request = parse(args);
        if (request == null) {
            return null;
        }
        RootCommand root = new RootCommand(env, stderrIsTerminal, stdin, stdout);
        root.db = request.db();
        root.verbose = request.verbose();
        root.quiet = request.quiet();
        PrintWriter out = CommandLineFactory.writer(stdout);
        try {
            return request.report().equals("summary")
                    ? ReportSummaryCommand.run(root.options(), out, request.options(), request.filter())
                    : ReportHotPathsCommand.run(root.options(), out, request.options(), request.filter());
        } catch (RuntimeException e) {
            // told exactly as picocli tells it: its handler, on the same arguments parsed its way
            CommandLine cmd = CommandLineFactory.create(env, stderrIsTerminal, stdin, stdout, stderr, args);
            ParseResult parsed = cmd.parseArgs(args);
            List<CommandLine> commands = parsed.asCommandLineList();
            return ((ExecutionExceptionHandler) cmd.getExecutionExceptionHandler())
                    .handleExecutionException(e, commands.get(commands.size() - 1), parsed);
        }
    }

    static Request parse(String... args) {
        String report = null;
        boolean sawReportWord = false;
        Path db = null;
        boolean verbose = false;
        boolean quiet = false;
        String format = null;
        String top = null;
        String tool = null;
        String since = null;
        String until = null;
        boolean excludeCi = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            boolean takesValue = name.equals("--db")
                    || report != null && (name.equals("--format") || name.equals("--top") || name.equals("--tool")
                            || name.equals("--since") || name.equals("--until"));
            if (takesValue && value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            } else if (!takesValue && value != null) {
                return null;
            }
            if (takesValue && (value.isEmpty() || value.startsWith("-") || value.startsWith("@"))) {
                return null;
            }
            switch (name) {
                case "--db" -> {
                    if (db != null) {
                        return null;
                    }
                    try {
                        db = Path.of(value);
                    } catch (InvalidPathException e) {
                        return null;
                    }
                }
                case "-v", "--verbose" -> {
                    if (verbose) {
                        return null;
                    }
                    verbose = true;
                }
                case "-q", "--quiet" -> {
                    if (quiet) {
                        return null;
                    }
                    quiet = true;
                }
                case "--format" -> {
                    if (format != null) {
                        return null;
                    }
                    format = value;
                }
                case "--top" -> {
                    if (top != null) {
                        return null;
                    }
                    top = value;
                }
                case "--tool" -> {
                    if (tool != null) {
                        return null;
                    }
                    tool = value;
                }
                case "--since" -> {
                    if (since != null) {
                        return null;
                    }
                    since = value;
                }
                case "--until" -> {
                    if (until != null) {
                        return null;
                    }
                    until = value;
                }
                case "--exclude-ci" -> {
                    if (report == null || excludeCi) {
                        return null;
                    }
                    excludeCi = true;
                }
                case "report" -> {
                    if (sawReportWord) {
                        return null;
                    }
                    sawReportWord = true;
                }
                case "summary", "hot-paths" -> {
                    if (!sawReportWord || report != null || !args[i - 1].equals("report")) {
                        return null;
                    }
                    report = arg;
                }
                default -> {
                    return null;
                }
            }
        }
        if (report == null) {
            return null;
        }
        ReportOptions options = new ReportOptions();
        options.format = format == null ? Format.TABLE : format(format);
        options.top = top == null ? 10 : positive(top);
        options.tool = tool;
        options.since = since == null ? null : instant(since);
        options.until = until == null ? null : instant(until);
        options.excludeCi = excludeCi;
        if (options.format == null || options.top < 1 || since != null && options.since == null
                || until != null && options.until == null
                || options.since != null && options.until != null && !options.since.isBefore(options.until)) {
            return null;
        }
        return new Request(report, db, verbose, quiet, options,
                new ReportFilter(options.tool, options.since, options.until, options.excludeCi));
    }

    /** The format picocli would pick (enum names, case-insensitive), else null. */
    private static Format format(String value) {
        for (Format f : Format.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        return null;
    }

    /** 1 to 999,999,999 written plainly (no sign, no leading zero), else 0. */
    private static int positive(String value) {
        if (value.length() > 9 || value.charAt(0) == '0') {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Instant instant(String value) {
        try {
            return new InstantConverter().convert(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
