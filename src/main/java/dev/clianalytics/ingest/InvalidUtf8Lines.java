package dev.clianalytics.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file with bytes that are not UTF-8 (DuckDB refuses the whole file): the lines holding them are
 * rejected as invalid_utf8 and every other line is read as usual. Runs only after DuckDB refused a
 * file, so valid files pay nothing: the lines are copied to a private temporary file (mode 600,
 * like the CRLF rewrite) in which each invalid line is replaced by a placeholder that staging
 * rejects, then relabelled with its reason and, for --rejects, its text with U+FFFD for each bad
 * byte sequence.
 */
final class InvalidUtf8Lines {
    static final String REASON = "invalid_utf8";
    /** Not JSON, so staging rejects it; never stored, relabelled as invalid_utf8. */
    private static final byte[] PLACEHOLDER = "\u0001invalid utf-8\u0001".getBytes(StandardCharsets.UTF_8);

    private InvalidUtf8Lines() {}

    /** Rewrites the file's lines; returns the invalid lines' numbers with their text as shown in --rejects. */
    static Map<Long, String> replace(InputFile file) throws IOException {
        Map<Long, String> invalid = new LinkedHashMap<>();
        Path tmp = Files.createTempFile("cli-analytics-utf8-", ".jsonl",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (InputStream in = new BufferedInputStream(file.openReadDecoded(), 1 << 16);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    copy(line, number++, out, invalid);
                    out.write('\n');
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                copy(line, number, out, invalid);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        file.readFrom(tmp);
        return invalid;
    }

    private static void copy(ByteArrayOutputStream line, long number, OutputStream out, Map<Long, String> invalid)
            throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            out.write(bytes);
        } catch (CharacterCodingException e) {
            invalid.put(number, new String(bytes, StandardCharsets.UTF_8));
            out.write(PLACEHOLDER);
        }
    }
}
