package dev.clianalytics.support;

import dev.clianalytics.cli.CommandLineFactory;
import dev.clianalytics.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real command line in-process, as a user would from a shell, and captures what it
 * prints. A fixed salt is set so hashes are stable; tests may override any variable.
 */
public final class CliRun {
    public static final String TEST_SALT = "test-salt-not-secret";

    private final Map<String, String> env = new HashMap<>(Map.of("CLI_ANALYTICS_SALT", TEST_SALT,
            // the fixtures of other features have one actor: they run with the rare-word rule off
            // (RareWordsTest, the privacy sweep and the samples' test switch it on again)
            "CLI_ANALYTICS_REVEAL_AT", "1"));
    private final Path db;
    private byte[] stdin = new byte[0];
    private Terminal terminal = Terminal.NONE;

    private CliRun(Path db) {
        this.db = db;
    }

    /** Commands run against this database (passed as --db before the command). */
    public static CliRun withDb(Path db) {
        return new CliRun(db);
    }

    public CliRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliRun stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    public CliRun stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** Runs as if on this terminal (which streams are one, its width), instead of none. */
    public CliRun terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>();
        if (db != null) {
            all.add("--db");
            all.add(db.toString());
        }
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        String[] argv = all.toArray(String[]::new);
        int code = CommandLineFactory.run(env, terminal, in, out, err, argv);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), all);
    }

    /** What a run left behind; toString shows everything, so a failed expectation explains itself. */
    public record Result(int exitCode, String out, String err, List<String> args) {
        @Override
        public String toString() {
            return "cli-analytics " + String.join(" ", args) + "\n-- exit code: " + exitCode
                    + "\n-- stdout:\n" + out + "\n-- stderr:\n" + err;
        }
    }
}
