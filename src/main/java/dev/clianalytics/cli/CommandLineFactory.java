package dev.clianalytics.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Builds the command tree with its handlers; Main and the tests use the same wiring. */
public final class CommandLineFactory {
    private CommandLineFactory() {}

    /** The real command line: the process environment and streams, and whether the launcher saw a terminal. */
    public static CommandLine create() {
        return create(System.getenv(), Boolean.getBoolean("cli.analytics.stderr.tty"), System.in,
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    }

    public static CommandLine create(
            Map<String, String> env, boolean stderrIsTerminal, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        RootCommand root = new RootCommand(env, stderrIsTerminal, stdin, stdout);
        CommandLine cmd = new CommandLine(root);
        cmd.addSubcommand(new GenerateCommand());
        cmd.addSubcommand(new IngestCommand());
        cmd.addSubcommand(new InferCommand());
        cmd.addSubcommand(new ReportCommand());
        cmd.addSubcommand(new ExportCommand());
        cmd.addSubcommand(new DemoCommand());
        cmd.setOut(writer(stdout));
        cmd.setErr(writer(stderr));
        cmd.setExecutionExceptionHandler(new ExecutionExceptionHandler(root));
        cmd.setParameterExceptionHandler(new ParameterExceptionHandler());
        cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setColorScheme(Help.defaultColorScheme(root.colour() ? Help.Ansi.ON : Help.Ansi.OFF));
        return cmd;
    }

    private static PrintWriter writer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }
}
