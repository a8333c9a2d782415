package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

/** --version: the product, the commit it was built from, DuckDB and the Java runtime, one line each. */
class VersionTest {
    @Test
    void versionNamesTheProductTheCommitDuckDbAndJava() {
        Result r = CliRun.withDb(null).run("--version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().split("\n")).as(r.toString()).satisfiesExactly(
                line -> assertThat(line).matches("cli-analytics \\d+\\.\\d+\\.\\d+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)"),
                line -> assertThat(line).matches("DuckDB v\\d+\\.\\d+\\.\\d+ \\(duckdb_jdbc \\d+\\.\\d+\\.\\d+\\.\\d+\\)"),
                line -> assertThat(line).isEqualTo("Java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + ")"));
    }

    @Test
    void theDuckDbVersionShownIsTheLibrarysOwn() throws Exception {
        String shown = CliRun.withDb(null).run("-V").out().split("\n")[1];
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT library_version FROM pragma_version()")) {
            rs.next();
            assertThat(shown).startsWith("DuckDB " + rs.getString(1) + " (");
        }
    }

    @Test
    void duckDbsReleaseIsTheDriverVersionsFirstThreeNumbers() {
        assertThat(VersionProvider.duckDbRelease("1.5.2.0")).isEqualTo("v1.5.2");
        assertThat(VersionProvider.duckDbRelease("1.10.0.3")).isEqualTo("v1.10.0");
        assertThat(VersionProvider.duckDbRelease("unknown")).isEqualTo("unknown");
    }
}
