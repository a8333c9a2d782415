package dev.clianalytics.generate;

import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the generator in memory for tests. */
record Generated(String text, Generator.Summary summary) {
    static Generated of(long seed, long events, double badLines, OutputFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Generator.Summary summary = Generator.write(new GenerateSettings(seed, events, badLines, format), out);
            return new Generated(out.toString(StandardCharsets.UTF_8), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Generated of(long seed, long events, OutputFormat format) {
        return of(seed, events, 0, format);
    }

    List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }
}
