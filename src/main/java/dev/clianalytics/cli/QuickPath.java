package dev.clianalytics.cli;

import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.ReportFilter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The commonest command lines without picocli's command model, whose reflection over the
 * annotations costs more than the rest of a report's start-up (docs/startup.md).
 *
 * <p>{@code --version} (or {@code -V}) alone prints the version line as picocli does. Of the
 * reports, {@code report summary}, {@code report hot-paths} and {@code report funnel [NAME] [--by P]} with
 * plain, valid arguments are taken:
 * {@code --db FILE}, {@code -v}, {@code -q} (and their long forms) anywhere, and after the report
 * {@code --format}, {@code --top}, {@code --tool}, {@code --since}, {@code --until}, {@code --exclude-ci},
 * {@code --no-refresh}, {@code --strict}, each at most once, values separate or after '='. Anything
 * else (help, --version with more, @files, '--', {@code --wait} with its optional value, clustered
 * or repeated options, a value picocli would read differently or reject, --top below 1, --since
 * not before --until) returns null, and picocli handles the command line as always; so
 * help, completion and every usage error are picocli's. A failure while the report runs is
 * reported by picocli's handler on the parsed command line, so messages and exit codes are the same.
 */
final class QuickPath {
    private QuickPath() {}

    /** A report command line QuickPath takes, parsed. */
    record Request(String report, Path db, boolean verbose, boolean quiet, ReportOptions options, ReportFilter filter,
            String name, String by) {}

    /** Runs the command line when it is one of those; null when picocli must handle it. */
    static Integer run(Map<String, String> env, Terminal terminal, InputStream stdin, OutputStream stdout,
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
        RootCommand root = new RootCommand(env, terminal, stdin, stdout);
        root.db = request.db();
        root.verbose = request.verbose();
        root.quiet = request.quiet();
        PrintWriter out = CommandLineFactory.writer(stdout);
        PrintWriter err = CommandLineFactory.writer(stderr);
        try {
            return switch (request.report()) {
                case "summary" -> ReportSummaryCommand.run(root.options(), out, err, request.options(), request.filter(), null);
                case "funnel" -> ReportFunnelCommand.run(root.options(), out, err, request.options(), request.filter(),
                        request.name(), request.by(), null);
                default -> ReportHotPathsCommand.run(root.options(), out, err, request.options(), request.filter(), null);
            };
        } catch (RuntimeException e) {
            // told exactly as picocli tells it: its handler, on the same arguments parsed its way
            CommandLine cmd = CommandLineFactory.create(env, terminal, stdin, stdout, stderr, args);
            ParseResult parsed = cmd.parseArgs(args);
            List<CommandLine> commands = parsed.asCommandLineList();
            return ((ExecutionExceptionHandler) cmd.getExecutionExceptionHandler())
                    .handleExecutionException(e, commands.get(commands.size() - 1), parsed);
        }
    }

    /** Options QuickPath knows: long name → whether it takes a value; short names map to long ones. */
    private static final Map<String, Boolean> GLOBAL = Map.of("--db", true, "--verbose", false, "--quiet", false);
    private static final Map<String, Boolean> REPORT = Map.of("--format", true, "--top", true, "--tool", true,
            "--since", true, "--until", true, "--exclude-ci", false, "--no-refresh", false, "--strict", false);
    private static final Map<String, String> SHORT = Map.of("-v", "--verbose", "-q", "--quiet");

    /** The report command line parsed, or null when picocli must see it. */
    static Request parse(String... args) {
        String report = null;
        int reportWord = -1;
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("report") && reportWord < 0) {
                reportWord = i;
                continue;
            }
            if ((arg.equals("summary") || arg.equals("hot-paths") || arg.equals("funnel")) && report == null
                    && reportWord == i - 1 && reportWord >= 0) {
                report = arg;
                continue;
            }
            // report funnel NAME: one plain word (a funnel name as the settings allow)
            if ("funnel".equals(report) && !seen.containsKey("NAME") && arg.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
                seen.put("NAME", arg);
                continue;
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = SHORT.getOrDefault(eq > 2 ? arg.substring(0, eq) : arg, eq > 2 ? arg.substring(0, eq) : arg);
            Boolean takesValue = GLOBAL.containsKey(name) ? GLOBAL.get(name)
                    : "funnel".equals(report) && name.equals("--by") ? Boolean.TRUE
                    : report != null ? REPORT.get(name) : null;
            if (takesValue == null || !takesValue && eq > 2) {
                return null; // not an option QuickPath knows here, or a value given to a flag
            }
            String value = "";
            if (takesValue) {
                value = eq > 2 ? arg.substring(eq + 1) : i + 1 < args.length ? args[++i] : "";
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return null;
                }
            }
            if (seen.put(name, value) != null) {
                return null; // given twice: picocli says how it sees that
            }
        }
        return report == null ? null : request(report, seen);
    }

    private static Request request(String report, Map<String, String> seen) {
        ReportOptions options = new ReportOptions();
        options.format = seen.containsKey("--format") ? format(seen.get("--format")) : ReportFormat.TABLE;
        options.top = seen.containsKey("--top") ? positive(seen.get("--top")) : 10;
        options.tool = seen.get("--tool");
        options.since = seen.containsKey("--since") ? instant(seen.get("--since")) : null;
        options.until = seen.containsKey("--until") ? instant(seen.get("--until")) : null;
        options.excludeCi = seen.containsKey("--exclude-ci");
        options.refresh.noRefresh = seen.containsKey("--no-refresh");
        options.refresh.strict = seen.containsKey("--strict");
        if (options.format == null || options.top < 1 || options.refresh.noRefresh && options.refresh.strict
                || seen.containsKey("--since") && options.since == null || seen.containsKey("--until") && options.until == null
                || options.since != null && options.until != null && !options.since.isBefore(options.until)) {
            return null;
        }
        Path db = null;
        if (seen.containsKey("--db")) {
            try {
                db = Path.of(seen.get("--db"));
            } catch (InvalidPathException e) {
                return null;
            }
        }
        String by = seen.get("--by");
        if (by != null && (!by.matches("[A-Za-z][A-Za-z0-9_]{0,63}") || !seen.containsKey("NAME"))) {
            return null; // picocli tells what is wrong with it
        }
        return new Request(report, db, seen.containsKey("--verbose"), seen.containsKey("--quiet"), options,
                new ReportFilter(options.tool, options.since, options.until, options.excludeCi), seen.get("NAME"), by);
    }

    /** The format picocli would pick (enum names, case-insensitive), else null (a graph's or a page: picocli's path). */
    private static ReportFormat format(String value) {
        for (ReportFormat f : ReportFormat.values()) {
            if (f.name().equalsIgnoreCase(value) && !f.graphOnly() && f != ReportFormat.HTML) {
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
