package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Interrupts;
import dev.clianalytics.ingest.sanitize.Bytes;
import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.StagedLine;
import dev.clianalytics.ingest.sanitize.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Reads input files line by line and stages every line in Java ({@link NativeLines}: validation,
 * event key, sanitizing), in parallel: the file is cut at line boundaries into chunks that know
 * their first line's number, each chunk is staged on a worker thread, and the chunks' rows are
 * written in file order as CSV (StageRows) for DuckDB to load in bulk. Lines of other formats go,
 * in order, to their readers ({@link ForeignLines}); their text is never written.
 */
final class LineStage implements AutoCloseable {
    /** A line this long cannot be read at all (every earlier build refused it too). */
    static final int MAX_READABLE_LINE = 16 << 20;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int IN_FLIGHT = 4;

    /** Receives the lines of the formats read in Java (PostHog, Segment), in file order. */
    interface ForeignLines {
        void line(int file, long lineNo, String format, String text);

        void endFile(int file);
    }

    private final ThreadLocal<NativeLines> parsers;
    private final ExecutorService workers;
    private final ForeignLines foreign;
    private final Map<String, Long> unknownNames = new HashMap<>();
    private long unknownTotal;

    LineStage(Supplier<NativeLines> parsers, int threads, ForeignLines foreign) {
        this.parsers = ThreadLocal.withInitial(parsers);
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest-stage");
            t.setDaemon(true);
            return t;
        });
        this.foreign = foreign;
    }

    /** Unknown field names (native lines) with how often each came. */
    Map<String, Long> unknownNames() {
        return unknownNames;
    }

    long unknownTotal() {
        return unknownTotal;
    }

    /** One chunk of whole lines: bytes, where each line starts and ends, the first line's number. */
    private record Chunk(byte[] data, int[] starts, int[] ends, int lines, long firstLine) {}

    /** What a worker made of a chunk. */
    private record Staged(StageRows.Buffer rows, List<Object[]> foreignLines, Map<String, Long> unknown, long unknownCount) {}

    /** Stages every line of {@code file} into {@code out}; reports progress as bytes are read. */
    void stageFile(InputFile file, int index, OutputStream out, long before, long total, IngestProgress progress)
            throws IOException {
        ArrayDeque<Future<Staged>> pending = new ArrayDeque<>();
        long[] compressed = {0};
        InputStream raw = new java.io.FilterInputStream(file.openRead()) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                compressed[0] += Math.max(0, n);
                return n;
            }
        };
        try (InputStream in = file.gzip() ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] buf = new byte[CHUNK_BYTES];
            int filled = 0;
            long line = 1;
            long read = 0;
            boolean eof = false;
            long size = Math.max(1, file.readSize());
            while (!eof) {
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    eof = true;
                } else {
                    filled += n;
                    read += n;
                    if (filled < buf.length) {
                        continue;
                    }
                }
                int lastNewline = lastIndexOf(buf, filled, (byte) '\n');
                int cut = eof ? filled : lastNewline + 1;
                if (cut == 0 && !eof) {
                    if (buf.length >= MAX_READABLE_LINE) {
                        throw new CliAnalyticsException("input file " + file.displayName() + " has a line longer than 16 MiB"
                                + " (line " + line + "), which cannot be read; remove it and ingest again; nothing was written");
                    }
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    continue;
                }
                if (cut > 0) {
                    // the chunk keeps this buffer (its lines end at cut); the rest moves to a new one
                    byte[] next = new byte[Math.max(CHUNK_BYTES, filled - cut)];
                    System.arraycopy(buf, cut, next, 0, filled - cut);
                    Chunk chunk = split(buf, cut, line, eof);
                    line += chunk.lines();
                    pending.add(workers.submit(() -> stage(chunk, index)));
                    buf = next;
                    filled -= cut;
                }
                while (pending.size() >= IN_FLIGHT || (eof && !pending.isEmpty())) {
                    drain(pending.poll(), index, out);
                }
                if (Interrupts.interrupting()) {
                    throw new CliAnalyticsException("ingest interrupted; nothing was written");
                }
                if (progress != IngestProgress.NONE) {
                    long done = file.gzip() ? compressed[0] : read;
                    double fraction = Math.min(1.0, (double) done / size);
                    long lines = file.bytesPerLine() > 0 ? (long) (read / file.bytesPerLine()) : -1;
                    progress.update(file, fraction, before + (long) (fraction * file.bytes()), total, lines);
                }
            }
        } finally {
            for (Future<Staged> f : pending) {
                f.cancel(true);
            }
        }
        foreign.endFile(index);
    }

    private void drain(Future<Staged> next, int index, OutputStream out) throws IOException {
        Staged s;
        try {
            s = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliAnalyticsException("ingest interrupted; nothing was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("staging failed", e.getCause());
        }
        s.rows().writeTo(out);
        for (Object[] f : s.foreignLines()) {
            foreign.line(index, (Long) f[0], (String) f[1], (String) f[2]);
        }
        s.unknown().forEach((k, v) -> unknownNames.merge(k, v, Long::sum));
        unknownTotal += s.unknownCount();
    }

    private static int lastIndexOf(byte[] b, int len, byte c) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Cuts {@code buf[0, cut)} into lines: each ends at '\n' (a '\r' before it dropped); a last line
     * may lack it. The chunk holds {@code buf} itself (nothing after cut is read).
     */
    private static Chunk split(byte[] buf, int cut, long firstLine, boolean eof) {
        byte[] data = buf;
        int[] starts = new int[64];
        int[] ends = new int[64];
        int lines = 0;
        // a byte order mark opening the file is not part of its first line (as every earlier build read it)
        int start = firstLine == 1 && cut >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB
                && (data[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i <= cut; i++) {
            int nl = Bytes.indexOf(data, i, cut, (byte) '\n');
            i = nl < 0 ? cut : nl;
            if (i == cut && start >= cut) {
                break;
            }
            if (lines == starts.length) {
                starts = java.util.Arrays.copyOf(starts, lines * 2);
                ends = java.util.Arrays.copyOf(ends, lines * 2);
            }
            int e = i > start && data[i - 1] == '\r' ? i - 1 : i;
            starts[lines] = start;
            ends[lines] = e;
            lines++;
            start = i + 1;
        }
        return new Chunk(data, starts, ends, lines, firstLine);
    }

    /** Runs on a worker: every line of the chunk staged, as CSV rows. */
    private Staged stage(Chunk c, int index) {
        NativeLines parser = parsers.get();
        StageRows.Buffer rows = new StageRows.Buffer(c.data().length);
        List<Object[]> foreignLines = List.of();
        Map<String, Long> unknown = Map.of();
        long unknownCount = 0;
        for (int k = 0; k < c.lines(); k++) {
            int off = c.starts()[k];
            int len = c.ends()[k] - off;
            long lineNo = c.firstLine() + k;
            StagedLine s = Utf8.valid(c.data(), off, len) ? parser.stage(c.data(), off, len) : parser.invalidUtf8();
            StageRows.append(rows, index, lineNo, s);
            if (s.foreign()) {
                if (foreignLines.isEmpty()) {
                    foreignLines = new ArrayList<>();
                }
                foreignLines.add(new Object[] {lineNo, s.format(), new String(c.data(), off, len, StandardCharsets.UTF_8)});
            }
            if (s.unknownKeys() != null && "native".equals(s.format())) {
                if (unknown.isEmpty()) {
                    unknown = new HashMap<>();
                }
                for (String name : s.unknownKeys()) {
                    unknown.merge(name, 1L, Long::sum);
                }
                unknownCount += s.unknownKeys().size();
            }
        }
        return new Staged(rows, foreignLines, unknown, unknownCount);
    }

    /** Stops the workers and waits (briefly) until they ended, so that their per-thread caches are garbage. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
