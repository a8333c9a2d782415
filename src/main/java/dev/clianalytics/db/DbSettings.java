package dev.clianalytics.db;

import java.util.Map;

/**
 * How DuckDB may use the machine. The memory limit stays well below a laptop's memory
 * (PERFORMANCE.md: 256 MB still works, with spilling); threads default to the core count.
 * CLI_ANALYTICS_MEMORY_LIMIT (e.g. 512MB) and CLI_ANALYTICS_THREADS override them.
 */
public record DbSettings(String memoryLimit, int threads) {
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
        return new DbSettings(memory, Integer.parseInt(threads));
    }
}
