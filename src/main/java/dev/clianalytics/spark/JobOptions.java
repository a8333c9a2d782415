package dev.clianalytics.spark;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.infer.FunnelConfigLoader;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.infer.SettingsFile;
import dev.clianalytics.infer.SettingsLayers;
import dev.clianalytics.infer.WorkflowConfig;
import dev.clianalytics.infer.WorkflowConfigLoader;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.ingest.formats.FormatConfig;
import dev.clianalytics.ingest.formats.FormatConfigLoader;
import dev.clianalytics.ingest.sanitize.CommandsFile;
import dev.clianalytics.ingest.sanitize.WordGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Spark job's arguments (docs/scale.md, "Spark job"): {@code --input PATH} (a Hadoop path or
 * glob, repeatable through commas), {@code --output DIR}, {@code --salt-file FILE} (on the driver;
 * else CLI_ANALYTICS_SALT or HASH_SALT from the driver's environment), and the settings ingest and
 * infer take, with their meanings: {@code --reveal-at K} (else CLI_ANALYTICS_REVEAL_AT, else 2),
 * {@code --commands FILE}, {@code --settings FILE} (a cli-analytics.yaml), {@code --workflows FILE},
 * {@code --funnels FILE}, {@code --session-timeout DURATION}, {@code --as-of INSTANT}, {@code --tool NAME}
 * and {@code --format}. Files are read on the driver. The salt itself is never an argument:
 * arguments show up in cluster UIs and logs.
 *
 * @param revealAt distinct actors that reveal a rare command word or flag name; 1 switches the rule off
 * @param knownWords words always stored in clear: the shipped and the given settings' words, --commands
 * @param settings the inference settings, resolved as infer resolves them (options over the settings file
 *     over the built-in ones; a job has no last infer)
 * @param format auto (each line's format detected), native, posthog or segment, as ingest's --format
 * @param maxRejects --max-rejects: more lines rejected than this and the job writes nothing (exit 3); null: no limit
 * @param formats how PostHog and Segment events map, as ingest reads them: the --workflows file's
 *     format settings, else the built-in ones, with --tool as the default tool
 */
record JobOptions(String input, String output, Salt salt, int revealAt, Set<String> knownWords, InferSettings settings,
        String format, FormatConfig formats, Long maxRejects) {
    static final String USAGE = "usage: --input PATH --output DIR [--salt-file FILE] [--reveal-at K] [--commands FILE]"
            + " [--settings FILE] [--workflows FILE] [--funnels FILE] [--session-timeout DURATION] [--as-of INSTANT]"
            + " [--tool NAME] [--format auto|native|posthog|segment] [--max-rejects N]";
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final List<String> VALUED = List.of("--input", "--output", "--salt-file", "--reveal-at", "--commands",
            "--settings", "--workflows", "--funnels", "--session-timeout", "--as-of", "--tool",
            "--format", "--max-rejects");
    private static final List<String> FORMATS = List.of("auto", "native", "posthog", "segment");

    /** A mistake in the arguments: the message names the option; the job exits 2 without a stack trace. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static JobOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--salt") || a.startsWith("--salt=")) {
                throw new UsageException("the salt is never an argument (cluster UIs show arguments):"
                        + " set CLI_ANALYTICS_SALT in the driver's environment, or pass --salt-file FILE");
            }
            if (!VALUED.contains(a)) {
                throw new UsageException("unknown argument " + a + "; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + a + " needs a value");
            }
            if (given.put(a, args[++i]) != null) {
                throw new UsageException("option " + a + " is given twice");
            }
        }
        if (!given.containsKey("--input") || !given.containsKey("--output")) {
            throw new UsageException("--input PATH and --output DIR are required");
        }
        try {
            InferSettings settings = settings(given);
            Set<String> known = new HashSet<>(InferSettings.knownWords(WorkflowConfig.defaults(),
                    InferSettings.defaults().funnels()));
            known.addAll(InferSettings.knownWords(settings.workflows(), settings.funnels()));
            if (given.containsKey("--commands")) {
                known.addAll(CommandsFile.read(Path.of(given.get("--commands"))));
            }
            return new JobOptions(given.get("--input"), given.get("--output"), salt(given.get("--salt-file"), env),
                    revealAt(given.get("--reveal-at"), env), Set.copyOf(known), settings, format(given.get("--format")),
                    formats(given), maxRejects(given.get("--max-rejects")));
        } catch (CliAnalyticsException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** As infer resolves them: each option over the settings file's value over the built-in one. */
    private static InferSettings settings(Map<String, String> given) {
        String timeout = given.get("--session-timeout");
        String workflows = given.get("--workflows");
        String asOf = given.get("--as-of");
        Duration sessionTimeout = null;
        if (timeout != null) {
            try {
                sessionTimeout = InferSettings.parseTimeout(timeout);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--session-timeout: " + e.getMessage());
            }
        }
        Instant instant = null;
        if (asOf != null) {
            try {
                instant = InferSettings.parseInstant(asOf);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--as-of: " + e.getMessage());
            }
        }
        WorkflowConfig config = workflows == null ? null : WorkflowConfigLoader.load(Path.of(workflows));
        String name = workflows == null ? null : String.valueOf(Path.of(workflows).getFileName());
        SettingsFile file = given.containsKey("--settings") ? SettingsFile.of(Path.of(given.get("--settings"))) : null;
        // defaults = true: a job has no last infer to carry settings over from
        InferSettings settings = SettingsLayers.resolve(null, new SettingsLayers.Given(sessionTimeout, config, name, instant,
                true), file).settings();
        String funnels = given.get("--funnels");
        return funnels == null ? settings : settings.withFunnels(FunnelConfigLoader.load(Path.of(funnels)),
                String.valueOf(Path.of(funnels).getFileName()));
    }

    /** --max-rejects N: a whole number, 0 or more (as ingest's); null when not given. */
    private static Long maxRejects(String given) {
        if (given == null) {
            return null;
        }
        try {
            long n = Long.parseLong(given.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException("--max-rejects must be a whole number, 0 or more, not '" + given + "'");
    }

    /** --format as ingest takes it, case-insensitively; auto when not given. */
    private static String format(String given) {
        if (given == null) {
            return "auto";
        }
        String f = given.toLowerCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new UsageException("--format must be auto, native, posthog or segment, not '" + given + "'");
        }
        return f;
    }

    /** As ingest: the --workflows file's format settings, else the built-in ones; --tool names the default tool. */
    private static FormatConfig formats(Map<String, String> given) {
        String workflows = given.get("--workflows");
        FormatConfig formats = workflows == null ? FormatConfig.defaults() : FormatConfigLoader.load(Path.of(workflows));
        String tool = given.get("--tool");
        if (tool == null) {
            return formats;
        }
        if (!TOOL_NAME.matcher(tool).matches()) {
            throw new UsageException("--tool must be a tool name (1 to 128 letters, digits, - or _), not '" + tool + "'");
        }
        return formats.withDefaultTool(tool);
    }

    /** --reveal-at, else CLI_ANALYTICS_REVEAL_AT, else 2 (as ingest). */
    private static int revealAt(String option, Map<String, String> env) {
        return option != null ? WordGate.revealAt("--reveal-at", option)
                : WordGate.revealAt("CLI_ANALYTICS_REVEAL_AT", env.get("CLI_ANALYTICS_REVEAL_AT"));
    }

    private static Salt salt(String file, Map<String, String> env) {
        if (file != null) {
            try {
                String value = Files.readString(Path.of(file)).strip();
                if (value.isEmpty()) {
                    throw new UsageException("salt file " + file + " (--salt-file) is empty");
                }
                return Salt.of(value);
            } catch (IOException e) {
                throw new UsageException("cannot read salt file " + file + " (--salt-file): " + e.getMessage());
            }
        }
        String name = Salt.environmentVariable(env);
        if (name == null) {
            throw new UsageException("no salt: set CLI_ANALYTICS_SALT in the driver's environment, or pass --salt-file FILE"
                    + " (the same salt as the database's, for hashes that match)");
        }
        return Salt.of(env.get(name));
    }
}
