package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in headless Chromium (Debian's package `chromium`; .ci/run installs it) and returns the
 * DOM after the scripts ran, the console messages and the addresses of every network request.
 */
final class Chromium {
    /** Hosts of Chromium's own background services (time, accounts, search), not the page's requests. */
    private static final Pattern BROWSER_OWN = Pattern.compile("https?://([a-z0-9-]+\\.)*(google\\.com|gvt1\\.com"
            + "|googleapis\\.com|gstatic\\.com)(/.*)?");

    record Visit(String dom, List<String> console, List<String> requests) {}

    private Chromium() {}

    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    static Visit open(Path page, Path work) throws IOException, InterruptedException {
        String binary = binary();
        assertThat(binary).as("headless Chromium for the browser test: apt-get install chromium (.ci/run does it)")
                .isNotNull();
        Path netLog = work.resolve("net-log.json");
        Path stderr = work.resolve("chromium.err");
        Path dom = work.resolve("dom.html");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + work.resolve("profile"), "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--enable-logging=stderr", "--v=0",
                // a request that slipped through would still find no host; the net log records it anyway
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--log-net-log=" + netLog, "--virtual-time-budget=5000", "--window-size=1280,2000",
                "--dump-dom", page.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        List<String> console = Files.readAllLines(stderr).stream().filter(l -> l.contains(":CONSOLE")).toList();
        List<String> requests = new ArrayList<>();
        if (Files.exists(netLog)) {
            Matcher m = Pattern.compile("\"url\":\"(https?://[^\"]*)\"").matcher(Files.readString(netLog));
            while (m.find()) {
                if (!BROWSER_OWN.matcher(m.group(1)).matches() && !requests.contains(m.group(1))) {
                    requests.add(m.group(1));
                }
            }
        }
        return new Visit(Files.readString(dom), console, requests);
    }
}
