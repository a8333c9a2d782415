package dev.clianalytics.cli;

import dev.clianalytics.OwnResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What --version prints: the product's version (written in one place, pom.xml, and filtered into a
 * resource), the git commit the build was made from (a resource the build writes; "unknown" outside
 * a git clone), DuckDB's version and the Java runtime, for bug reports.
 *
 * <p>DuckDB's version is the driver's the build ships (pom.xml), not asked of the native library:
 * loading it would double --version's start-up. duckdb_jdbc 1.5.2.0 is DuckDB v1.5.2 (the fourth
 * number is the driver's own); a test checks that against the library.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties version = properties("cli-analytics-version.properties");
        Properties build = properties("cli-analytics-build.properties");
        String jdbc = version.getProperty("duckdb", "unknown");
        return new String[] {
            "cli-analytics " + version.getProperty("version", "development build") + " (commit "
                    + build.getProperty("commit", "unknown") + ")",
            "DuckDB " + duckDbRelease(jdbc) + " (duckdb_jdbc " + jdbc + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** v1.5.2 for the driver 1.5.2.0: DuckDB's release is the driver version's first three numbers. */
    static String duckDbRelease(String jdbcVersion) {
        String[] parts = jdbcVersion.split("\\.");
        return parts.length >= 3 ? "v" + parts[0] + "." + parts[1] + "." + parts[2] : jdbcVersion;
    }

    private static Properties properties(String resource) {
        byte[] bytes = OwnResources.read(resource);
        Properties props = new Properties();
        if (bytes != null) {
            try {
                props.load(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return props;
    }
}
