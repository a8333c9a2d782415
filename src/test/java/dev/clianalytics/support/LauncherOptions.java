package dev.clianalytics.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JVM options read from the launcher (bin/cli-analytics), so that child JVMs start as it starts them. */
public final class LauncherOptions {
    private static final Pattern HEAP = Pattern.compile("(?m)^\\s*heap=\"(-Xms[^\"]+)\"$");

    private LauncherOptions() {}

    /** The heap options the launcher gives ingest and demo. */
    public static List<String> ingestHeap() {
        Path launcher = Path.of("bin", "cli-analytics");
        try {
            Matcher m = HEAP.matcher(Files.readString(launcher));
            if (!m.find()) {
                throw new IllegalStateException("no heap=\"-Xms…\" line in " + launcher);
            }
            return List.of(m.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
