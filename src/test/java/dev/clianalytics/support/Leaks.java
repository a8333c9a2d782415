package dev.clianalytics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Searches what a database left on disk, and what the commands printed, for planted secrets. */
public final class Leaks {
    private Leaks() {}

    /**
     * Every file beside the database whose name starts with the database's (the file, its WAL, its
     * salt, the upgrade's leftovers, rejects named after it) and {@code text} hold none of {@code secrets}.
     */
    public static void assertNowhere(Path db, String text, String... secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(db.toAbsolutePath().getParent())) {
            files = s.filter(p -> p.getFileName().toString().startsWith(db.getFileName().toString())).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(bytes).as(f.getFileName() + " must not hold " + secret).doesNotContain(secret);
            }
        }
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
