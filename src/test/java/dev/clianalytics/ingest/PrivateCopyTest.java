package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Ingest's private copies hold ciphertext only, and read back byte for byte. */
class PrivateCopyTest {

    @Test
    void whatIsWrittenIsUnreadableOnDiskAndReadsBackExactly() throws Exception {
        Path f = PrivateCopy.create("cli-analytics-test-");
        try {
            byte[] text = "{\"command_path\":[\"psql\",\"customer-acme-prod-db\"]}\r\n".repeat(5000)
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = PrivateCopy.write(f)) {
                out.write(text, 0, 7);
                out.write(text[7]);
                out.write(text, 8, text.length - 8);
            }
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("customer-acme");
            assertThat(Files.size(f)).isEqualTo(text.length + 16L);
            try (InputStream in = PrivateCopy.read(f)) {
                byte[] head = new byte[3];
                assertThat(in.read(head)).isEqualTo(3);
                assertThat(in.read()).isEqualTo(text[3] & 0xff);
                assertThat(in.skip(10)).isEqualTo(10);
                byte[] rest = in.readAllBytes();
                assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(text, 14, text.length));
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
