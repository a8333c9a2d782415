package dev.clianalytics.spark;

import dev.clianalytics.ingest.Salt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Spark job's arguments (docs/scale.md, "Spark job"): {@code --input PATH} (a Hadoop path or
 * glob, repeatable through commas), {@code --output DIR}, {@code --salt-file FILE} (on the driver;
 * else CLI_ANALYTICS_SALT or HASH_SALT from the driver's environment) and {@code --reveal-at 1}.
 * The salt itself is never an argument: arguments show up in cluster UIs and logs.
 */
record JobOptions(String input, String output, Salt salt) {

    /** A mistake in the arguments: the message names the option; the job exits 2 without a stack trace. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static JobOptions parse(String[] args, Map<String, String> env) {
        String input = null;
        String output = null;
        String saltFile = null;
        String revealAt = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--input", "--output", "--salt-file", "--reveal-at" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--input" -> input = v;
                        case "--output" -> output = v;
                        case "--salt-file" -> saltFile = v;
                        default -> revealAt = v;
                    }
                }
                case "--salt" -> throw new UsageException("the salt is never an argument (cluster UIs show arguments):"
                        + " set CLI_ANALYTICS_SALT in the driver's environment, or pass --salt-file FILE");
                default -> throw new UsageException("unknown argument " + a + "; usage: --input PATH --output DIR"
                        + " [--salt-file FILE] --reveal-at 1");
            }
        }
        if (input == null || output == null) {
            throw new UsageException("--input PATH and --output DIR are required");
        }
        if (!"1".equals(revealAt)) {
            throw new UsageException("the Spark job does not hold rare command words back yet (ingest's --reveal-at K):"
                    + " pass --reveal-at 1 to store every command word and flag name in clear, as 'ingest --reveal-at 1' does");
        }
        return new JobOptions(input, output, salt(saltFile, env));
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
