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
    final TimestampWriter timestamps = new TimestampWriter();
    private final OutputStream stream;
    private final long seedMix;
    /** Mixes the seed and the data set's size into the ids, so two data sets never share an id. */
    private final long idMix;
    /** The keys naming the actor, and the command, in this format's objects (each with its quotes and colon). */
    private final byte[][] actorKeys;
    private final byte[][] commandKeys;
    private long idCounter;
    long lines;

    FormatWriter(OutputStream stream, long seed, long events, byte[][] actorKeys, byte[][] commandKeys) {
        this.stream = stream;
        this.seedMix = mix64(seed ^ 0x5DEECE66DL);
        // an event's content depends on the size too (the simulation spreads its people over it):
        // ids of one seed at another size must not collide with other content (conflicting_event_id)
        this.idMix = mix64(seedMix ^ mix64(events + 0x632BE59BD9B4E019L));
        this.actorKeys = actorKeys;
        this.commandKeys = commandKeys;
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
        long hi = mix64(idMix + idCounter++);
        d.uuid(hi, mix64(hi ^ idMix));
    }

    /** A uuid for invocation {@code index} that does not depend on how many ids were drawn before. */
    final void idFor(ByteOut d, long index, long salt) {
        long hi = mix64(idMix ^ (index * 0x9E3779B97F4A7C15L + salt));
        d.uuid(hi, mix64(hi + salt));
    }

    final long hashOf(long index) {
        return mix64(seedMix ^ index * 0xC2B2AE3D27D4EB4FL) >>> 1;
    }

    private static final byte[] INVOCATION_KEY = ByteOut.ascii("\"invocation_id\":");
    private static final byte[][] DURATION_KEYS = {ByteOut.ascii("\"duration_ms\":"), ByteOut.ascii("\"duration\":")};
    private static final byte[] TIMESTAMP_FIELD = ByteOut.ascii("\"timestamp\":");

    /** Writes the object built by {@link #oneObject} with the one defect of {@code kind}. */
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
            case MISSING_TIMESTAMP -> renamed(d, new byte[][] {TIMESTAMP_FIELD}, false);
            case MISSING_ACTOR_ID -> renamed(d, actorKeys, true);
            case MISSING_COMMAND_PATH -> renamed(d, commandKeys, true);
            case MISSING_INVOCATION_ID -> renamed(d, new byte[][] {INVOCATION_KEY}, true);
            case EMPTY_COMMAND_PATH -> replacedValue(d, commandKeys, false);
            case WRONG_TYPE_DURATION -> replacedValue(d, DURATION_KEYS, true);
            default -> throw new IllegalArgumentException("not a bad line of this format: " + kind);
        }
        endLine();
    }

    /** Copies {@code d} with the keys renamed ({@code "x":} becomes {@code "x_":}), so the field is missing. */
    private void renamed(ByteOut d, byte[][] keys, boolean all) {
        int from = 0;
        while (true) {
            int at = -1;
            byte[] key = null;
            for (byte[] k : keys) {
                int i = d.indexOf(k, from, d.len);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    key = k;
                }
            }
            if (at < 0) {
                break;
            }
            out.put(d.buf, from, at + key.length - 2 - from).putAscii("_\":");
            from = at + key.length;
            if (!all) {
                break;
            }
        }
        out.put(d.buf, from, d.len - from);
    }

    /**
     * Copies {@code d} with the value of the first of {@code keys} replaced: emptied (an array becomes
     * {@code []}, a string {@code ""}) or, with {@code quote}, a number turned into a string such as "1234ms".
     */
    private void replacedValue(ByteOut d, byte[][] keys, boolean quote) {
        for (byte[] key : keys) {
            int at = d.indexOf(key, 0, d.len);
            if (at < 0) {
                continue;
            }
            int valueStart = at + key.length;
            byte first = d.buf[valueStart];
            int valueEnd;
            if (first == '[') {
                valueEnd = d.indexOf((byte) ']', valueStart) + 1;
            } else if (first == '"') {
                valueEnd = d.indexOf((byte) '"', valueStart + 1) + 1;
            } else {
                valueEnd = valueStart;
                while (d.buf[valueEnd] != ',' && d.buf[valueEnd] != '}') {
                    valueEnd++;
                }
            }
            out.put(d.buf, 0, valueStart);
            if (quote) {
                out.put('"').put(d.buf, valueStart, valueEnd - valueStart).putAscii("ms\"");
            } else {
                out.putAscii(first == '[' ? "[]" : "\"\"");
            }
            out.put(d.buf, valueEnd, d.len - valueEnd);
            return;
        }
        throw new IllegalStateException("no field to replace");
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
