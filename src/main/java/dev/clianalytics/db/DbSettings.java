package dev.clianalytics.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How DuckDB may use the machine. The memory limit stays well below a laptop's memory
 * (PERFORMANCE.md: 256 MB still works, with spilling); threads default to the core count; DuckDB
 * spills beside the database ({@code <db>.tmp/}) unless a temporary directory is given.
 * CLI_ANALYTICS_MEMORY_LIMIT (e.g. 512MB), CLI_ANALYTICS_THREADS and CLI_ANALYTICS_TEMP_DIR
 * override them (docs/scale.md).
 *
 * @param tempDir where DuckDB spills (in a directory of its own per database), or null for beside
 *     the database
 */
public record DbSettings(String memoryLimit, int threads, Path tempDir) {
    public DbSettings(String memoryLimit, int threads) {
        this(memoryLimit, threads, null);
    }

    public static DbSettings defaults() {
        return new DbSettings("1GB", Runtime.getRuntime().availableProcessors());
    }

    public static DbSettings fromEnv(Map<String, String> env) {
        DbSettings d = defaults();
        String memory = env.getOrDefault("CLI_ANALYTICS_MEMORY_LIMIT", d.memoryLimit());
        if (!memory.matches("\\d+(\\.\\d+)?\\s*[KMGT]?i?B")) {
            throw new dev.clianalytics.CliAnalyticsException(
                    "CLI_ANALYTICS_MEMORY_LIMIT must look like 512MB or 2GB, not '" + memory + "'");
        }
        String threads = env.getOrDefault("CLI_ANALYTICS_THREADS", Integer.toString(d.threads()));
        if (!threads.matches("[1-9]\\d{0,3}")) {
            throw new dev.clianalytics.CliAnalyticsException(
                    "CLI_ANALYTICS_THREADS must be a positive whole number, not '" + threads + "'");
        }
        return new DbSettings(memory, Integer.parseInt(threads), tempDir(env.get("CLI_ANALYTICS_TEMP_DIR")));
    }

    /** As the settings, with another memory limit (commands that need more or less than the default). */
    public DbSettings withMemoryLimit(String limit) {
        return new DbSettings(limit, threads, tempDir);
    }

    private static Path tempDir(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new dev.clianalytics.CliAnalyticsException(
                    "CLI_ANALYTICS_TEMP_DIR must name a directory, not the file '" + value + "'");
        }
        return dir;
    }

    /**
     * Where DuckDB spills for the database at db: {@code <db>.tmp/} beside it, or a directory of
     * its own inside the temporary directory (named after the database and its full path, so two
     * databases never share one and the cleanup of one never touches another's files).
     */
    public Path spillDirectory(Path db) {
        if (tempDir == null) {
            return db.resolveSibling(db.getFileName() + ".tmp");
        }
        String full = db.toAbsolutePath().normalize().toString();
        return tempDir.resolve(db.getFileName() + "-" + String.format("%08x", full.hashCode()) + ".tmp");
    }
}
