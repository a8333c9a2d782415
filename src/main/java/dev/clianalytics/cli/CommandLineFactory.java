package dev.clianalytics.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the command tree with its handlers; Main and the tests use the same wiring. */
public final class CommandLineFactory {
    private CommandLineFactory() {}

    /** The subcommands in the order help lists them; built only when needed (start-up time). */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("generate", GenerateCommand::new);
        m.put("ingest", IngestCommand::new);
        m.put("infer", InferCommand::new);
        m.put("report", ReportCommand::new);
        m.put("export", ExportCommand::new);
        m.put("status", StatusCommand::new);
        m.put("check", CheckCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("completion", CompletionCommand::new);
        return m;
    }

    /** Commands that never open the database: --db is not listed for them (the root still takes it). */
    private static final Set<String> WITHOUT_DATABASE = Set.of("generate", "demo", "completion", "help");

    /** Commands that need the whole tree: completion scripts and help describe every command. */
    private static final Set<String> WHOLE_TREE = Set.of("completion", "help");

    /** The reports, subcommands of 'report', built the same way. */
    private static final Map<String, Supplier<Object>> REPORTS = reports();

    private static Map<String, Supplier<Object>> reports() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("summary", ReportSummaryCommand::new);
        m.put("workflow", ReportWorkflowCommand::new);
        m.put("hot-paths", ReportHotPathsCommand::new);
        m.put("versions", ReportVersionsCommand::new);
        m.put("errors", ReportErrorsCommand::new);
        m.put("trends", ReportTrendsCommand::new);
        m.put("variants", ReportVariantsCommand::new);
        m.put("graph", ReportGraphCommand::new);
        m.put("funnel", ReportFunnelCommand::new);
        m.put("html", ReportHtmlCommand::new);
        m.put("privacy", ReportPrivacyCommand::new);
        return m;
    }

    /** Runs the real command line (the process environment and streams) and returns its exit code. */
    public static int run(String... args) {
        return run(System.getenv(), Terminal.fromLauncher(), System.in,
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), args);
    }

    /**
     * Runs a command line and returns its exit code: the common reports through QuickPath when
     * their arguments are plain (no command model to build), everything else through picocli.
     */
    public static int run(Map<String, String> env, Terminal terminal, InputStream stdin,
            OutputStream stdout, OutputStream stderr, String... args) {
        Integer quick = QuickPath.run(env, terminal, stdin, stdout, stderr, args);
        if (quick != null) {
            return quick;
        }
        return create(env, terminal, stdin, stdout, stderr, args).execute(args);
    }

    /**
     * The command line for these arguments. Building picocli's model of every command costs more
     * than the rest of a report's start-up, so when the arguments name a command only that one is
     * built; anything else (root help, a mistyped command) gets the whole tree.
     */
    public static CommandLine create(Map<String, String> env, Terminal terminal, InputStream stdin,
            OutputStream stdout, OutputStream stderr, String... args) {
        RootCommand root = new RootCommand(env, terminal, stdin, stdout);
        CommandLine cmd = new CommandLine(root);
        String named = commandNamed(args);
        boolean versionOnly = named == null && List.of(args).stream().anyMatch(a -> a.equals("--version") || a.equals("-V"))
                && List.of(args).stream().noneMatch(a -> a.equals("--help") || a.equals("-h"));
        String only = named != null && WHOLE_TREE.contains(named) ? null : named;
        COMMANDS.forEach((name, command) -> {
            if (!versionOnly && (only == null || only.equals(name))) {
                CommandLine sub = new CommandLine(command.get());
                if (name.equals("report")) {
                    String report = wordAfter("report", args);
                    REPORTS.forEach((reportName, r) -> {
                        if (!REPORTS.containsKey(report) || report.equals(reportName)) {
                            sub.addSubcommand(reportName, r.get());
                        }
                    });
                }
                cmd.addSubcommand(name, sub);
            }
        });
        if (!versionOnly && only == null) {
            cmd.addSubcommand("help", new HelpCommand());
        }
        cmd.getSubcommands().forEach((name, sub) -> {
            if (WITHOUT_DATABASE.contains(name)) {
                CommandSpec spec = sub.getCommandSpec();
                spec.remove(spec.findOption("--db"));
            }
        });
        cmd.setOut(writer(stdout));
        cmd.setErr(writer(stderr));
        cmd.setExecutionExceptionHandler(new ExecutionExceptionHandler(root));
        cmd.setParameterExceptionHandler(new ParameterExceptionHandler());
        cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setColorScheme(Help.defaultColorScheme(root.colour() ? Help.Ansi.ON : Help.Ansi.OFF));
        return cmd;
    }

    /** The commands in help's order, 'help' last: what 'help' is given. */
    static List<String> commandNames() {
        List<String> names = new java.util.ArrayList<>(COMMANDS.keySet());
        names.add("help");
        return names;
    }

    /** The argument right after the first {@code word}, or "" when there is none. */
    static String wordAfter(String word, String... args) {
        int at = List.of(args).indexOf(word);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : "";
    }

    /**
     * The command the arguments name (the first word that is not an option or --db's value), else
     * null; "help" and "completion" are named too, though they get the whole tree.
     */
    static String commandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db")) {
                i++;
            } else if (!a.startsWith("-")) {
                return COMMANDS.containsKey(a) || WHOLE_TREE.contains(a) ? a : null;
            }
        }
        return null;
    }

    static PrintWriter writer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }
}
