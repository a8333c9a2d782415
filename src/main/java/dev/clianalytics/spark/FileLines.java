package dev.clianalytics.spark;

import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.StagedLine;
import dev.clianalytics.ingest.sanitize.Utf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;

/**
 * One input file's lines as staged rows ({@link StagedRows}), in order, read as ingest reads them
 * (docs/ingest.md): gzip by its magic bytes, lines ending at '\n' (a '\r' before it dropped), a
 * byte order mark opening the file skipped, a last line without '\n' kept, blank lines left out;
 * every line staged by the shared {@link NativeLines} (validation, keys, privacy rules).
 */
final class FileLines implements Iterator<Row> {
    private final InputStream in;
    private final String file;
    private final int fileIndex;
    /** Bytes of a line kept: one more than NativeLines reads, so a longer line is known to be too long. */
    static final int KEPT = NativeLines.MAX_LINE_BYTES + 4;

    private final NativeLines parser;
    private byte[] buf = new byte[1 << 12];
    private long lineNo;
    private boolean eof;
    private Row next;

    FileLines(InputStream raw, String file, int fileIndex, NativeLines parser) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        b.mark(2);
        boolean gzip = b.read() == 0x1f && b.read() == 0x8b;
        b.reset();
        this.in = gzip ? new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16) : b;
        this.file = file;
        this.fileIndex = fileIndex;
        this.parser = parser;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null && !eof) {
                next = readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input file " + file + " at line " + (lineNo + 1), e);
        }
        if (next == null) {
            close();
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
    }

    /**
     * The next line's row, or null for a blank line (and at the end). At most {@link #KEPT} bytes of a
     * line are kept: a longer one is {@code line_too_long} (ingest's reason for a line over 1 MiB)
     * whatever its length, so a task's memory stays bounded (ingest stops at a line over 16 MiB
     * instead, which it cannot buffer), unless it is blank.
     */
    private Row readLine() throws IOException {
        int len = 0;
        boolean overflow = false;
        boolean blankBeyond = true;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
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
                return null;
            }
        }
        lineNo++;
        if (overflow) {
            int from = lineNo == 1 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF ? 3 : 0;
            boolean blank = blankBeyond && isBlank(buf, from, len);
            return blank ? null : StagedRows.row(file, fileIndex, lineNo,
                    new StagedLine(false, "native", "line_too_long", null, null));
        }
        int off = 0;
        if (lineNo == 1 && len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            off = 3;
        }
        if (len > off && buf[len - 1] == '\r') {
            len--;
        }
        StagedLine s = Utf8.valid(buf, off, len - off) ? parser.stage(buf, off, len - off) : parser.invalidUtf8();
        return s.blank() ? null : StagedRows.row(file, fileIndex, lineNo, s);
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

    private void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close input file " + file, e);
        }
    }
}
