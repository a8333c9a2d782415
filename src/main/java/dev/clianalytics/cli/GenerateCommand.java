package dev.clianalytics.cli;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.generate.GenerateSettings;
import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import dev.clianalytics.generate.Generator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        description = {
            "Write sample events: people and CI running common CLIs.",
            "Runs of terraform, docker, npm and kubectl, with failures, retries, abandoned",
            "workflows and secrets in error texts. The same seed and options always give",
            "byte-identical output."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cli-analytics generate -o events.jsonl      # 10,000 events, seed 42",
            "  cli-analytics generate --events 1000000 -o big.jsonl.gz",
            "  cli-analytics generate --bad-lines 0.01 | cli-analytics ingest -",
            "  cli-analytics generate --format segment -o segment.jsonl"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "Where to write: a file (gzip-compressed when it ends in .gz), or - for standard output "
                    + "(default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + GenerateSettings.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    private long events = GenerateSettings.DEFAULT_EVENTS;
    private double badLines;

    private OutputFormat format = OutputFormat.NATIVE;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "native",
            completionCandidates = Candidates.GenerateFormats.class,
            description = "native, posthog or segment (default: ${DEFAULT-VALUE}); the same activity in each.")
    void format(String value) {
        try {
            format = OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format must be native, posthog or segment, got '" + value + "'");
        }
    }

    @Option(names = "--events", paramLabel = "N", defaultValue = "" + GenerateSettings.DEFAULT_EVENTS,
            description = "Number of command runs to simulate (default: ${DEFAULT-VALUE}).")
    void events(long value) {
        if (value < 0) {
            throw new ParameterException(spec.commandLine(), "--events must be 0 or more, got " + value);
        }
        events = value;
    }

    @Option(names = "--bad-lines", paramLabel = "RATE", defaultValue = "0",
            description = "Share of runs written as malformed lines, 0..1, rotating through every reject reason "
                    + "(default: ${DEFAULT-VALUE}).")
    void badLines(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ParameterException(spec.commandLine(), "--bad-lines must be between 0 and 1, got " + value);
        }
        badLines = value;
    }

    @Override
    public Integer call() {
        GlobalOptions options = RootCommand.options(spec);
        GenerateSettings settings = new GenerateSettings(seed, events, badLines, format);
        long started = System.nanoTime();
        Generator.Summary summary;
        if ("-".equals(output)) {
            summary = toStdout(settings, options.stdout());
            if (summary == null) {
                return ExitCodes.OK; // the reader closed the pipe (e.g. `| head`): not an error
            }
        } else {
            if (output.isBlank()) {
                throw new ParameterException(spec.commandLine(), "-o must name a file, or - for standard output");
            }
            summary = toFile(settings, Path.of(output));
        }
        boolean speak = "-".equals(output) ? options.verbose() : !options.quiet();
        if (speak) {
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getErr().printf(Locale.ROOT, "generated %,d events (%,d malformed) as %s: %,d lines to %s in %.2f s%n",
                    summary.events(), summary.badLines(), format.name().toLowerCase(Locale.ROOT), summary.lines(),
                    "-".equals(output) ? "standard output" : output, seconds);
        }
        if (options.verbose()) {
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "simulated %,d episodes of people (%,d abandoned after 1-2 steps), %,d CI runs (%,d re-runs); "
                            + "%,d failed runs, %,d retries; %,d logins (%,d lazy), %,d logouts%n",
                    summary.humanEpisodes(), summary.abandoned(), summary.ciRuns(), summary.ciReruns(), summary.failures(),
                    summary.retries(), summary.logins(), summary.lazyLogins(), summary.logouts());
        }
        return ExitCodes.OK;
    }

    private static Generator.Summary toStdout(GenerateSettings settings, OutputStream stdout) {
        try {
            return Generator.write(settings, stdout);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
                return null;
            }
            throw new CliAnalyticsException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    /** Writes beside the target and renames at the end, so an interrupted run never leaves half a file under its name. */
    private static Generator.Summary toFile(GenerateSettings settings, Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new CliAnalyticsException("cannot write " + target + ": it is a directory");
        }
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        temp.toFile().deleteOnExit();
        try {
            Generator.Summary summary;
            try (OutputStream out = open(temp, target.getFileName().toString().endsWith(".gz"))) {
                summary = Generator.write(settings, out);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do: the message below says what failed
            }
            throw new CliAnalyticsException("cannot write " + target + ": " + reason(e), e);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        if (!gzip) {
            return raw;
        }
        return new GZIPOutputStream(new BufferedOutputStream(raw, 1 << 16), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "no such directory";
            case "AccessDeniedException" -> "permission denied";
            default -> e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage() == null ? name : e.getMessage();
        };
    }
}
