package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys every hash of an id (SPEC §4.1): from CLI_ANALYTICS_SALT (or HASH_SALT),
 * else a random salt created once in {@code <db>.salt} (mode 600) beside the database, never in it.
 */
public final class Salt {
    private static final int BLOCK = 64;
    private final byte[] key;
    private final String source;

    private Salt(byte[] key, String source) {
        this.key = key.clone();
        this.source = source;
    }

    public static Salt of(String value) {
        return new Salt(value.getBytes(StandardCharsets.UTF_8), "given");
    }

    /** The salt for a database: the environment wins, else the salt file, created when missing. */
    public static Salt resolve(Map<String, String> env, Path db) {
        String name = environmentVariable(env);
        if (name != null) {
            return new Salt(env.get(name).getBytes(StandardCharsets.UTF_8), "$" + name);
        }
        return fromFile(fileFor(db));
    }

    /**
     * The salt of a database that has one already (the environment, else its salt file), or null:
     * for a command that must not create a salt (a new one would not match the stored hashes).
     */
    public static Salt existing(Map<String, String> env, Path db) {
        return environmentVariable(env) != null || Files.exists(fileFor(db)) ? resolve(env, db) : null;
    }

    /** The environment variable the salt comes from (CLI_ANALYTICS_SALT, else HASH_SALT), or null. */
    public static String environmentVariable(Map<String, String> env) {
        for (String name : new String[] {"CLI_ANALYTICS_SALT", "HASH_SALT"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    public static Path fileFor(Path db) {
        return db.resolveSibling(db.getFileName() + ".salt");
    }

    private static Salt fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
                }
            }
            String value = Files.readString(file).strip();
            if (value.isEmpty()) {
                throw new CliAnalyticsException("salt file " + file + " is empty; restore it from a backup, or set"
                        + " CLI_ANALYTICS_SALT (hashes of new events will not match the old ones otherwise)");
            }
            return new Salt(value.getBytes(StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read or create salt file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the salt came from, for messages: an environment variable name or the salt file. */
    public String source() {
        return source;
    }

    /** HMAC-SHA256(salt, value) as lower-case hex, first {@code chars} characters. */
    /** The key of the ids' keyed hashes (HMAC-SHA256), for the Java staging. */
    public byte[] hmacKey() {
        return key.clone();
    }

    public String hmacHex(String value, int chars) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, chars);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The inner HMAC pad (key XOR 0x36), hex, so SQL can compute the same HMAC. */
    public String innerPadHex() {
        return padHex((byte) 0x36);
    }

    /** The outer HMAC pad (key XOR 0x5c), hex. */
    public String outerPadHex() {
        return padHex((byte) 0x5c);
    }

    /** A secret derived from the salt that prefixes event keys, hex. */
    public String eventKeySecretHex() {
        return hmacHex("cli-analytics event key", 64);
    }

    private String padHex(byte pad) {
        byte[] k = key.length > BLOCK ? sha256(key) : key;
        byte[] block = new byte[BLOCK];
        System.arraycopy(k, 0, block, 0, k.length);
        for (int i = 0; i < BLOCK; i++) {
            block[i] ^= pad;
        }
        return HexFormat.of().formatHex(block);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Salt[from " + source + "]";
    }
}
