package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a few lines of an input file back by number, for the --rejects file: staging keeps the
 * text of rejected lines only, and a line that is valid but conflicts with a stored event needs
 * its text too. Lines end at '\n' (a '\r' before it is dropped), numbered from 1 as staging does.
 */
final class InputLines {
    private InputLines() {}

    static Map<Long, String> read(InputFile file, Set<Long> wanted) {
        Map<Long, String> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        long last = wanted.stream().mapToLong(Long::longValue).max().orElse(0);
        try (InputStream raw = Files.newInputStream(file.readPath());
                InputStream in = new BufferedInputStream(file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            int b;
            while (number <= last && (b = in.read()) >= 0) {
                if (b != '\n') {
                    if (wanted.contains(number)) {
                        line.write(b);
                    }
                    continue;
                }
                keep(found, wanted, number, line);
                number++;
            }
            keep(found, wanted, number, line);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read input file " + file.displayName() + " again: " + e.getMessage(), e);
        }
        return found;
    }

    private static void keep(Map<Long, String> found, Set<Long> wanted, long number, ByteArrayOutputStream line) {
        if (wanted.contains(number) && !found.containsKey(number)) {
            String text = line.toString(StandardCharsets.UTF_8);
            found.put(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
        line.reset();
    }
}
