package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One input of a run: a file as given, or standard input spooled to a private temporary file
 * (mode 600, encrypted under a key of this process only, deleted on close: PrivateCopy). Its content hash is computed beside the load, in another thread.
 */
public final class InputFile implements AutoCloseable {
    public static final String STDIN = "-";

    /** How far a file is searched for carriage returns before deciding its line endings. */
    private static final int PEEK = 1 << 20;

    private final String displayName;
    private final String baseName;
    private final Path source;
    private final boolean sourceIsTemporary;
    private Path readPath;
    private boolean gzip;
    private final long bytes;
    private CompletableFuture<Content> sha256;
    private double bytesPerLine = -1;

    /** What one pass over the bytes found: their hash. */
    private record Content(String sha256) {}

    private InputFile(String displayName, String baseName, Path source, boolean gzip, long bytes, boolean temporary,
            CompletableFuture<Content> sha256) {
        this.displayName = displayName;
        this.baseName = baseName;
        this.source = source;
        this.sourceIsTemporary = temporary;
        this.readPath = source;
        this.gzip = gzip;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /** Opens an argument of the command line: a readable file, or "-" for standard input. */
    public static InputFile open(String arg, InputStream stdin) {
        InputFile in = STDIN.equals(arg) ? spool(stdin) : file(Path.of(arg), arg);
        try {
            in.normalizeLineEnds();
            return in;
        } catch (IOException e) {
            in.close();
            throw new CliAnalyticsException("cannot read input file " + in.displayName + ": " + e.getMessage(), e);
        }
    }

    /**
     * When the first MiB holds a CR (a Windows file), the lines are copied to a private temporary
     * file with CRLF turned into LF and a lone CR, JSON whitespace, into a space (docs/ingest.md).
     */
    private void normalizeLineEnds() throws IOException {
        byte[] head;
        try (InputStream in = openDecoded()) {
            head = in.readNBytes(PEEK);
        }
        boolean cr = false;
        int newlines = 0;
        for (byte b : head) {
            cr |= b == '\r';
            newlines += b == '\n' ? 1 : 0;
        }
        if (newlines > 0) {
            bytesPerLine = (double) head.length / newlines;
        }
        if (!cr) {
            return;
        }
        Path tmp = PrivateCopy.create("cli-analytics-lines-");
        try (InputStream in = new java.io.BufferedInputStream(openDecoded(), 1 << 16);
                OutputStream out = new java.io.BufferedOutputStream(PrivateCopy.write(tmp), 1 << 16)) {
            int b = in.read();
            while (b >= 0) {
                int next = in.read();
                if (b == '\r') {
                    if (next == '\n') {
                        out.write('\n');
                        next = in.read();
                    } else {
                        out.write(' ');
                    }
                } else {
                    out.write(b);
                }
                b = next;
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        readPath = tmp;
        gzip = false;
        bytesPerLine = newlines > 0 ? (double) head.length / newlines : -1;
    }

    /**
     * The bytes to read the lines from (after any CRLF rewrite), still gzip-compressed when {@link #gzip()}:
     * the file itself, or its private copy decrypted on the fly.
     */
    public InputStream openRead() throws IOException {
        return readPath.equals(source) && !sourceIsTemporary ? Files.newInputStream(readPath) : PrivateCopy.read(readPath);
    }

    private InputStream openDecoded() throws IOException {
        InputStream in = sourceIsTemporary ? PrivateCopy.read(source) : Files.newInputStream(source);
        return gzip ? new java.util.zip.GZIPInputStream(in, 1 << 16) : in;
    }

    private static InputFile file(Path path, String arg) {
        if (!Files.exists(path)) {
            throw new CliAnalyticsException("input file " + arg + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new CliAnalyticsException("input " + arg + " is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new CliAnalyticsException("input file " + arg + " is not readable (permission denied)");
        }
        try {
            long size = Files.size(path);
            boolean gz = hasGzipMagic(path);
            return new InputFile(arg, String.valueOf(path.getFileName()), path, gz, size, false, null);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read input file " + arg + ": " + e.getMessage(), e);
        }
    }

    private static InputFile spool(InputStream stdin) {
        Path tmp = null;
        try {
            tmp = PrivateCopy.create("cli-analytics-stdin-");
            MessageDigest digest = sha256Digest();
            long total = 0;
            byte[] head = new byte[2];
            try (OutputStream out = PrivateCopy.write(tmp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = stdin.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                    out.write(buf, 0, n);
                    for (int i = 0; i < n && total + i < 2; i++) {
                        head[(int) total + i] = buf[i];
                    }
                    total += n;
                }
            }
            Content content = new Content(HexFormat.of().formatHex(digest.digest()));
            boolean gz = total >= 2 && isGzipMagic(head[0], head[1]);
            return new InputFile("<stdin>", "stdin", tmp, gz, total, true, CompletableFuture.completedFuture(content));
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new CliAnalyticsException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** Starts hashing the content in the background (once). */
    public void startHashing() {
        if (sha256 == null) {
            sha256 = CompletableFuture.supplyAsync(this::hashContent);
        }
    }

    /** The SHA-256 of the bytes read (compressed bytes for gzip files), lower-case hex. */
    public String sha256() {
        return content().sha256();
    }

    private Content content() {
        startHashing();
        try {
            return sha256.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private Content hashContent() {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(source)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot read input file " + displayName + ": " + e.getMessage(), e);
        }
        return new Content(HexFormat.of().formatHex(digest.digest()));
    }

    private static boolean hasGzipMagic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return isGzipMagic(in.read(), in.read());
        }
    }

    private static boolean isGzipMagic(int b0, int b1) {
        return (b0 & 0xff) == 0x1f && (b1 & 0xff) == 0x8b;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The name as the user gave it, for messages and the rejects file. */
    public String displayName() {
        return displayName;
    }

    /** The base name only, as stored (directories can name people). */
    public String baseName() {
        return baseName;
    }

    /** The size of what {@link #openRead()} reads from, for progress (a private copy has a 16-byte head more). */
    public long readSize() throws IOException {
        return Files.size(readPath);
    }

    public boolean gzip() {
        return gzip;
    }

    public long bytes() {
        return bytes;
    }

    /** Average bytes per line of what the database reads, from the first MiB; -1 if unknown (gzip). */
    double bytesPerLine() {
        return gzip ? -1 : bytesPerLine;
    }

    @Override
    public void close() {
        if (sourceIsTemporary) {
            deleteQuietly(source);
        }
        if (!readPath.equals(source)) {
            deleteQuietly(readPath);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover private temporary file is harmless; nothing to tell the user
            }
        }
    }
}
