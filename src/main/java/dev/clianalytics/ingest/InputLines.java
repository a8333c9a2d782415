package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        try (InputStream raw = file.openRead();
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

    /** Reads lines forward by number, for the --rejects file (numbers asked in increasing order). */
    static Cursor cursor(InputFile file) {
        try {
            return new Cursor(file);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read input file " + file.displayName() + " again: " + e.getMessage(), e);
        }
    }

    static final class Cursor implements AutoCloseable {
        private final InputFile file;
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long number = 1;
        private String last;
        private long lastNumber;

        private Cursor(InputFile file) throws IOException {
            this.file = file;
            InputStream raw = file.openRead();
            this.in = new BufferedInputStream(file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16);
        }

        /** The text of line {@code wanted} (its '\r' before '\n' dropped, bad UTF-8 as U+FFFD). */
        String line(long wanted) {
            if (wanted == lastNumber && last != null) {
                return last;
            }
            try {
                while (number <= wanted) {
                    line.reset();
                    int b;
                    while ((b = in.read()) >= 0 && b != '\n') {
                        if (number == wanted) {
                            line.write(b);
                        }
                    }
                    number++;
                    if (b < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new CliAnalyticsException("cannot read input file " + file.displayName() + " again: " + e.getMessage(), e);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            if (wanted == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            last = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            lastNumber = wanted;
            return last;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read only
            }
        }
    }
}
