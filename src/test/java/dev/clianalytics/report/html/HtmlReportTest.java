package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.report.Golden;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `report html`: the data embedded in the page (golden), the page as one file, and bad output paths. */
class HtmlReportTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = FixtureDb.create(dir);
    }

    @Test
    void theDataInThePageIsExactlyTheReviewedJson() throws Exception {
        Path page = dir.resolve("golden.html");
        Result r = CliRun.withDb(db).run("report", "html", "-o", page.toString(), "--min-cohort", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).startsWith("wrote " + page + " (").endsWith(" KB)\n");
        Golden.assertMatches("report-html-data.json", HtmlPage.dataBlock(Files.readString(page)) + "\n");
    }

    @Test
    void aFilterNarrowsEverySection() throws Exception {
        Path page = dir.resolve("terraform.html");
        Result r = CliRun.withDb(db).run("-q", "report", "html", "-o", page.toString(), "--min-cohort", "1", "--tool", "Terraform",
                "--top", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches("report-html-data-terraform.json", HtmlPage.dataBlock(Files.readString(page)) + "\n");
    }

    @Test
    void thePageIsOneFileThatNamesNoAddressToFetch() throws Exception {
        Path page = dir.resolve("one.html");
        assertThat(CliRun.withDb(db).run("report", "html", "-o", page.toString(), "--min-cohort", "1").exitCode()).isZero();
        String html = Files.readString(page);
        String markup = HtmlPage.markup(html);
        List<String> scripts = HtmlPage.scripts(html);
        // (assertions on booleans and short strings: a failure must not print a megabyte of page)
        assertThat(markup.startsWith("<!DOCTYPE html>")).isTrue();
        assertThat(markup).contains("Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(scripts).as("three inline scripts: data, ECharts, the page's").hasSize(3);
        // outside the scripts nothing is loaded from anywhere: no element that fetches, no address
        assertThat(find("(?i)<(link|img|iframe|object|embed|audio|video|source|base)\\b", markup)).isEmpty();
        assertThat(find("(?i)\\s(src|href|action)\\s*=\\s*\"(?!#)[^\"]*\"", markup)).isEmpty();
        assertThat(urls(markup + scripts.get(0))).as("addresses in the markup and data").isEmpty();
        assertThat(urls(scripts.get(2))).as("the page script names only the SVG namespace (the flow graph's drawing)")
                .containsOnly("http://www.w3.org/2000/svg");
        assertThat(urls(scripts.get(1))).as("every http(s) address in ECharts: XML namespaces and licence links")
                .isNotEmpty().allMatch(HtmlReportTest::namespaceOrLicence);
        assertThat(html.length()).isLessThan(3 << 20);
    }

    private static List<String> find(String regex, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void aValueCannotEndTheDataBlock() throws Exception {
        JsonNode data = new ObjectMapper().readTree("{\"title\": \"</script><!-- x\"}");
        assertThat(HtmlReport.dataBlock((com.fasterxml.jackson.databind.node.ObjectNode) data))
                .doesNotContain("<").contains("\\u003c/script>\\u003c!-- x");
    }

    @Test
    void intoAMissingDirectoryItFailsWithOneLineAndWritesNothing() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("r.html");
        Result r = CliRun.withDb(db).run("report", "html", "-o", missing.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).isEqualTo("error: cannot write " + missing + ": no such directory "
                + missing.getParent() + "\n");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void intoAnUnwritableDirectoryItFailsWithOneLineAndLeavesNoFile() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "running as a user who may write anywhere");
            Path target = locked.resolve("r.html");
            Result r = CliRun.withDb(db).run("report", "html", "-o", target.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err().lines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).contains("cannot write " + target + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Stream<Path> left = Files.list(locked)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aDirectoryAsOutputIsRefused() {
        Result r = CliRun.withDb(db).run("report", "html", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: cannot write " + dir + ": it is a directory\n");
    }

    static List<String> urls(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("https?://[^\\s\"')]*").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static boolean namespaceOrLicence(String url) {
        return url.startsWith("http://www.w3.org/") || url.equals("http://www.apache.org/licenses/LICENSE-2.0")
                || url.equals("https://github.com/ecomfe/zrender/blob/master/LICENSE.txt");
    }
}
