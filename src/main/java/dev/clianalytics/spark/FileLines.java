package dev.clianalytics.spark;

import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.StagedLine;
import dev.clianalytics.ingest.sanitize.Utf8;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;

/**
 * One input file's lines as staged rows ({@link StagedRows}), in order, read as ingest reads them
 * (docs/ingest.md): gzip by its magic bytes, lines ending at '\n' (a '\r' before it dropped; in a
 * file whose first MiB holds a CR, a lone CR read as a space, as ingest's copy of such a file has it), a
 * byte order mark opening the file skipped, a last line without '\n' kept, blank lines left out;
 * every line staged by the shared {@link NativeLines} (validation, keys, privacy rules). At the end,
 * the file's size and SHA-256 as read (compressed for gzip), as ingest_files holds them, go to the
 * given consumer.
 */
final class FileLines implements Iterator<Row> {
    /** A file read to its end: its bytes as read and their SHA-256 (hex). */
    record FileDigest(int fileIndex, String file, long bytes, String sha256) implements Serializable {}

    private final BufferedInputStream in;
    private final BufferedInputStream raw;
    private final Hashed digest;
    private final java.util.function.Consumer<FileDigest> digests;
    private boolean closed;
    private final String file;
    private final int fileIndex;
    /** Bytes of a line kept: one more than NativeLines reads, so a longer line is known to be too long. */
    static final int KEPT = NativeLines.MAX_LINE_BYTES + 4;

    private final NativeLines parser;
    /** The file's PostHog and Segment lines go to their readers. */
    private final ForeignLines foreign;
    /** Rows ready: a line's own, then what its reader emitted. */
    private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();
    private byte[] buf = new byte[1 << 12];
    private long lineNo;
    private boolean eof;
    /** The first MiB holds a CR: as ingest, CRLF ends a line and a lone CR (JSON whitespace) reads as a space. */
    private final boolean windows;
    /** The byte read after a lone CR, not yet handed on; NONE when there is none. */
    private int ahead = NONE;
    private static final int NONE = -2;
    private static final int PEEK = 1 << 20;

    FileLines(InputStream source, String file, int fileIndex, NativeLines parser, ForeignLines foreign,
            java.util.function.Consumer<FileDigest> digests) throws IOException {
        this.foreign = foreign;
        this.digest = new Hashed(source);
        this.digests = digests;
        BufferedInputStream b = new BufferedInputStream(digest, 1 << 16);
        this.raw = b;
        b.mark(2);
        boolean gzip = b.read() == 0x1f && b.read() == 0x8b;
        b.reset();
        this.in = gzip ? new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16) : b;
        this.windows = holdsCr(in);
        this.file = file;
        this.fileIndex = fileIndex;
        this.parser = parser;
    }

    @Override
    public boolean hasNext() {
        try {
            while (pending.isEmpty() && !eof) {
                readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input file " + file + " at line " + (lineNo + 1), e);
        }
        if (pending.isEmpty() && !closed) {
            foreign.finish(pending);
            close();
        }
        return !pending.isEmpty();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /**
     * Reads the next line: its row, and what its reader emitted, are queued (nothing for a blank
     * line or at the end). At most {@link #KEPT} bytes of a
     * line are kept: a longer one is {@code line_too_long} (ingest's reason for a line over 1 MiB)
     * whatever its length, so a task's memory stays bounded (ingest stops at a line over 16 MiB
     * instead, which it cannot buffer), unless it is blank.
     */
    private void readLine() throws IOException {
        int len = 0;
        boolean overflow = false;
        boolean blankBeyond = true;
        int c;
        while ((c = read()) >= 0 && c != '\n') {
            if (len == KEPT) {
                overflow = true;
                blankBeyond &= c == ' ' || c == '\t' || c == '\r';
                continue;
            }
            if (len == buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.min(KEPT, len * 2));
            }
            buf[len++] = (byte) c;
        }
        if (c < 0) {
            eof = true;
            if (len == 0) {
                return;
            }
        }
        lineNo++;
        if ((lineNo + 1) * StagedRows.LINE_SHARE >= 1L << StagedRows.FILE_BITS) {
            // as ingest refuses it (IngestPositions): its positions would run into the next file's
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "input file %s holds too many lines"
                    + " (%,d) to be read as one file; split it and run the job on the parts", file, lineNo));
        }
        if (overflow) {
            int from = lineNo == 1 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF ? 3 : 0;
            if (!(blankBeyond && isBlank(buf, from, len))) {
                pending.add(StagedRows.line(file, fileIndex, lineNo, new StagedLine(false, "native", "line_too_long", null, null)));
            }
            return;
        }
        int off = 0;
        if (lineNo == 1 && len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            off = 3;
        }
        if (len > off && buf[len - 1] == '\r') {
            len--;
        }
        StagedLine s = Utf8.valid(buf, off, len - off) ? parser.stage(buf, off, len - off) : parser.invalidUtf8();
        if (s.blank()) {
            return;
        }
        pending.add(StagedRows.line(file, fileIndex, lineNo, s));
        if (s.foreign()) {
            foreign.line(lineNo, s.format(), new String(buf, off, len - off, java.nio.charset.StandardCharsets.UTF_8), pending);
        }
    }

    /**
     * The next byte of the decoded file, as ingest reads a file whose first MiB holds a CR (it copies
     * such a file with CRLF turned into LF and a lone CR into a space, InputFile): the same here, as
     * the bytes go by.
     */
    private int read() throws IOException {
        int c = ahead != NONE ? ahead : in.read();
        ahead = NONE;
        if (c != '\r' || !windows) {
            return c;
        }
        int next = in.read();
        if (next == '\n') {
            return '\n';
        }
        ahead = next;
        return ' ';
    }

    /** Whether the first MiB of the decoded file holds a CR (the stream is left where it was). */
    private static boolean holdsCr(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        for (byte x : head) {
            if (x == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The bytes held for a line, at most {@link #KEPT} (FileLinesTest). */
    int bufferSize() {
        return buf.length;
    }

    private static boolean isBlank(byte[] b, int from, int len) {
        for (int i = from; i < len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** At the end: the bytes after the last line (a gzip trailer) are read too, through the digest, then the file is closed. */
    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            byte[] rest = new byte[1 << 16];
            while (raw.read(rest) >= 0) { // read, not skip: every byte goes through the digest
                continue;
            }
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input file " + file + " to its end", e);
        }
        digests.accept(new FileDigest(fileIndex, file, digest.bytes, HexFormat.of().formatHex(digest.sha256.digest())));
    }

    /** The file's bytes as read: counted and hashed (SHA-256) on their way to the reader. */
    private static final class Hashed extends FilterInputStream {
        final MessageDigest sha256;
        long bytes;

        Hashed(InputStream in) {
            super(in);
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                sha256.update((byte) b);
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                sha256.update(b, off, n);
                bytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 1 << 16)])); // through the digest too
        }
    }
}
