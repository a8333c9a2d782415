package dev.clianalytics.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the simulated activity in one format into a byte buffer that is flushed to the stream
 * in large blocks. Ids the formats need beyond the activity (uuids, message ids) come from a
 * counter hashed with the seed, never from the simulation's random stream.
 */
abstract class FormatWriter implements ActivitySink {
    private static final int FLUSH_AT = 1 << 16;
    static final byte[][] BAD_TIMESTAMPS = {
        ByteOut.ascii("2026-02-30T10:15:00Z"), ByteOut.ascii("yesterday at noon"),
        ByteOut.ascii("03/02/2026 10:15"), ByteOut.ascii("2026-03-02T25:61:00Z")};
    private static final byte[] TIMESTAMP_KEY = ByteOut.ascii("\"timestamp\":\"");
    private static final byte[] DUMP_KEY = ByteOut.ascii("{\"debug_dump\":\"");

    final ByteOut out = new ByteOut(FLUSH_AT + (FLUSH_AT >> 1));
    final ByteOut scratch = new ByteOut(4096);
    final Timestamps timestamps = new Timestamps();
    private final OutputStream stream;
    private final long seedMix;
    private long idCounter;
    long lines;

    FormatWriter(OutputStream stream, long seed) {
        this.stream = stream;
        this.seedMix = mix64(seed ^ 0x5DEECE66DL);
    }

    /** Writes invocation {@code v} as one malformed line of the given kind instead of its normal lines. */
    abstract void bad(Invocation v, BadLine kind) throws IOException;

    /** Writes {@code v} as ONE well-formed JSON object (no newline) into {@code d}, for {@link #mangle}. */
    abstract void oneObject(Invocation v, ByteOut d);

    final void endLine() throws IOException {
        out.put('\n');
        lines++;
        if (out.len >= FLUSH_AT) {
            out.writeTo(stream);
        }
    }

    void finish() throws IOException {
        out.writeTo(stream);
        stream.flush();
    }

    /** A quoted timestamp in the machine's zone and precision; {@code zoneless} only where the format allows it. */
    final void timestamp(ByteOut d, Machine m, long micros, boolean zoneless) {
        d.put('"');
        timestamps.write(d, micros, m.offsetMinutes, m.microsTimestamps, zoneless && m.zonelessTimestamps);
        d.put('"');
    }

    final void quoted(ByteOut d, byte[] value) {
        d.put('"').put(value).put('"');
    }

    final void flagsArray(ByteOut d, Invocation v) {
        d.put('[');
        for (int i = 0; i < v.flagCount; i++) {
            if (i > 0) {
                d.put(',');
            }
            d.put('"').put(v.flags[i]).put('"');
        }
        d.put(']');
    }

    /** A fresh uuid-shaped id, deterministic for the seed and the position in the output. */
    final void newId(ByteOut d) {
        long hi = mix64(seedMix + idCounter++);
        d.uuid(hi, mix64(hi ^ seedMix));
    }

    /** A uuid for invocation {@code index} that does not depend on how many ids were drawn before. */
    final void idFor(ByteOut d, long index, long salt) {
        long hi = mix64(seedMix ^ (index * 0x9E3779B97F4A7C15L + salt));
        d.uuid(hi, mix64(hi + salt));
    }

    final long hashOf(long index) {
        return mix64(seedMix ^ index * 0xC2B2AE3D27D4EB4FL) >>> 1;
    }

    /** Writes the object built by {@link #oneObject} with the defect of {@code kind} (a format-independent kind). */
    final void mangle(Invocation v, BadLine kind) throws IOException {
        ByteOut d = scratch;
        d.reset();
        oneObject(v, d);
        switch (kind) {
            case TRUNCATED -> out.put(d.buf, 0, d.len / 2);
            case TRAILING_GARBAGE -> out.put(d).putAscii(v.index % 2 == 0 ? "}" : " garbage");
            case BAD_TIMESTAMP -> {
                int at = d.indexOf(TIMESTAMP_KEY, 0, d.len);
                int valueStart = at + TIMESTAMP_KEY.length;
                int valueEnd = d.indexOf((byte) '"', valueStart);
                out.put(d.buf, 0, valueStart).put(BAD_TIMESTAMPS[(int) (v.index % BAD_TIMESTAMPS.length)])
                        .put(d.buf, valueEnd, d.len - valueEnd);
            }
            case LINE_TOO_LONG -> out.put(DUMP_KEY).put(LongText.BYTES).putAscii("\",").put(d.buf, 1, d.len - 1);
            default -> throw new IllegalArgumentException("not a format-independent bad line: " + kind);
        }
        endLine();
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Over 1 MiB of JSON-escaped stack trace, built once, only when a line_too_long line is asked for. */
    static final class LongText {
        static final byte[] BYTES = build();

        private static byte[] build() {
            byte[] frame = ByteOut.ascii("\\n    at com.example.cli.Worker.run(Worker.java:42)");
            ByteOut b = new ByteOut(BadLine.MAX_LINE_BYTES + 2 * frame.length);
            b.putAscii("java.lang.IllegalStateException: worker crashed");
            while (b.len <= BadLine.MAX_LINE_BYTES) {
                b.put(frame);
            }
            return java.util.Arrays.copyOf(b.buf, b.len);
        }
    }
}
