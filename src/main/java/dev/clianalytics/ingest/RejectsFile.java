package dev.clianalytics.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The --rejects file: one JSON object per rejected line, {"file","line","reason","text"}, in input
 * order, so the lines can be fixed and ingested again. It holds raw input, so it is created
 * readable by its owner only (mode 600).
 */
final class RejectsFile implements AutoCloseable {
    private final Path path;
    private final JsonGenerator json;

    private RejectsFile(Path path, JsonGenerator json) {
        this.path = path;
        this.json = json;
    }

    /** Refuses an existing file unless {@code overwrite} (--force), as export does. */
    static void checkWritable(Path path, boolean overwrite) {
        if (!overwrite && Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new CliAnalyticsException("rejects file " + path + " exists; pass --force to replace it,"
                    + " or choose another --rejects FILE (nothing was written)");
        }
    }

    /** Created only when there is something to write: a clean run leaves an existing file alone. */
    static RejectsFile create(Path path, boolean overwrite) {
        checkWritable(path, overwrite);
        try {
            Files.deleteIfExists(path);
            OutputStream out;
            try {
                out = Files.newOutputStream(Files.createFile(path,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
            } catch (UnsupportedOperationException notPosix) {
                out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW);
            }
            JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
            return new RejectsFile(path, json);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot write rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    void write(Reject reject) {
        try {
            json.writeStartObject();
            json.writeStringField("file", reject.file());
            json.writeNumberField("line", reject.line());
            json.writeStringField("reason", reject.reason());
            json.writeStringField("text", reject.text());
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot write rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot write rejects file " + path + ": " + e.getMessage(), e);
        }
    }
}
