package dev.clianalytics.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Segment track calls as the seed CLI's catalog has them: {@code Command Invoked} and
 * {@code Command Completed} sharing an invocation_id, plus, in the newer catalog, {@code Command Failed}
 * and the flows of its catalog (SegmentFlows: sign-in around a login, creating an application, plan changes). Newer-catalog machines send one
 * {@code {"batch":[..]}} body per invocation (flushed at exit); older ones one message per line.
 * A login that links ids adds an {@code alias} or {@code identify} call.
 */
final class SegmentWriter extends FormatWriter {
    private static final byte[] TRACK = ByteOut.ascii("{\"type\":\"track\",\"event\":\"");
    private static final byte[] MESSAGE_ID = ByteOut.ascii("\",\"messageId\":\"");
    private static final byte[] TIMESTAMP = ByteOut.ascii("\",\"timestamp\":");
    private static final byte[] ANONYMOUS_ID = ByteOut.ascii(",\"anonymousId\":\"");
    private static final byte[] USER_ID = ByteOut.ascii("\",\"userId\":\"");
    private static final byte[] CONTEXT = ByteOut.ascii("\",\"context\":{\"app\":{\"name\":\"");
    private static final byte[] APP_VERSION = ByteOut.ascii("\",\"version\":\"");
    private static final byte[] DEVICE = ByteOut.ascii("\"},\"device\":{\"id\":\"");
    private static final byte[] PROPERTIES = ByteOut.ascii("\"}},\"properties\":{\"invocation_id\":\"");
    private static final byte[] EVENT_INDEX = ByteOut.ascii("\",\"event_index\":");
    private static final byte[] LIBRARY = ByteOut.ascii(
            "],\"context\":{\"library\":{\"name\":\"analytics-go\",\"version\":\"3.3.0\"}},\"sentAt\":");
    private static final byte[] INVOKED = ByteOut.ascii("Command Invoked");
    private static final byte[] FAILED = ByteOut.ascii("Command Failed");
    private static final byte[] COMPLETED = ByteOut.ascii("Command Completed");

    private boolean batchBody;
    private int messages;
    private final ByteOut invocationId = new ByteOut(36);

    private static final byte[][] ACTOR_KEYS = {ByteOut.ascii("\"anonymousId\":"), ByteOut.ascii("\"userId\":")};
    private static final byte[][] COMMAND_KEYS = {ByteOut.ascii("\"command_path\":"), ByteOut.ascii("\"command\":")};

    SegmentWriter(OutputStream stream, long seed, long events) {
        super(stream, seed, events, ACTOR_KEYS, COMMAND_KEYS);
    }

    @Override
    public void invocation(Invocation v) throws IOException {
        batchBody = v.machine.sgNewCatalog;
        messages(v, out);
        if (batchBody) {
            endLine();
        }
    }

    @Override
    public void episodeEnd() {}

    @Override
    void bad(Invocation v, BadLine kind) throws IOException {
        mangle(v, kind);
    }

    @Override
    void oneObject(Invocation v, ByteOut d) {
        batchBody = true;
        try {
            messages(v, d);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a batch body never flushes
        }
    }

    private void messages(Invocation v, ByteOut d) throws IOException {
        Machine m = v.machine;
        boolean newCatalog = m.sgNewCatalog;
        messages = 0;
        invocationId.reset();
        idFor(invocationId, v.index, 3);
        if (batchBody) {
            d.putAscii("{\"batch\":[");
        }
        long start = v.tsMicros;
        long end = v.endMicros();
        int index = 0;

        begin(d, v, INVOKED, start, index++);
        if (m.sgCommandString) {
            d.putAscii(",\"command\":\"").put(v.index % 3 == 0 ? v.command.spacedWithTool : v.command.spaced).put('"');
        } else {
            d.putAscii(",\"command_path\":").put(v.command.pathJson);
        }
        if (v.flagCount > 0 || !m.omitsEmptyFlags) {
            d.putAscii(",\"flags\":");
            flagsArray(d, v);
        }
        if (v.sessionHint != null) {
            d.putAscii(",\"session_hint\":\"").put(v.sessionHint).put('"');
        }
        if (v.ci || !m.omitsCiWhenFalse) {
            d.putAscii(v.ci ? ",\"ci\":true" : ",\"ci\":false");
        }
        if (v.sequence >= 0) {
            d.putAscii(",\"sequence\":").num(v.sequence);
        }
        close(d);

        if (newCatalog) {
            index = SegmentFlows.write(this, d, v, start, end, index);
        }
        if (newCatalog && v.exitCode != 0) {
            begin(d, v, FAILED, end - 1000, index++);
            if (v.hasError) {
                d.putAscii(",\"error_class\":\"").put(v.error).put('"');
            }
            d.putAscii(",\"error_source\":\"").put(v.failure.source()).put('"');
            if (v.failure.httpStatus() != FailureSource.NONE) {
                d.putAscii(",\"http_status\":").num(v.failure.httpStatus());
            }
            close(d);
        }
        begin(d, v, COMPLETED, end, index++);
        boolean succeeded = v.exitCode == 0;
        // Older clients sometimes only say whether it succeeded; that is enough for exit codes 0 and 1.
        if (newCatalog || v.exitCode > 1 || v.index % 2 == 0) {
            d.putAscii(",\"exit_code\":").num(v.exitCode);
        }
        d.putAscii(succeeded ? ",\"succeeded\":true" : ",\"succeeded\":false");
        d.putAscii(",\"duration_ms\":").num(v.durationMs);
        close(d);

        if (v.linksIdentity) {
            separate(d);
            if (m.sgIdentify) {
                message(d, "identify", m, end);
                d.putAscii(",\"userId\":\"").put(m.principalId).putAscii("\",\"anonymousId\":\"").put(v.anonId)
                        .putAscii("\",\"traits\":{\"plan\":\"team\"}}");
            } else {
                message(d, "alias", m, end);
                d.putAscii(",\"previousId\":\"").put(v.anonId).putAscii("\",\"userId\":\"").put(m.principalId)
                        .putAscii("\"}");
            }
            if (!batchBody) {
                endLine();
            }
        }
        if (batchBody) {
            d.put(LIBRARY);
            timestamp(d, m, end + 3000, false);
            d.put('}');
        }
    }

    private void separate(ByteOut d) {
        if (batchBody && messages++ > 0) {
            d.put(',');
        }
    }

    /** Opens a lifecycle message up to its properties, after invocation_id and event_index. */
    private void begin(ByteOut d, Invocation v, byte[] event, long micros, int eventIndex) {
        open(d, v, event, micros, eventIndex);
        Machine m = v.machine;
        if (!m.sgToolInContext) {
            d.putAscii(",\"tool\":\"").put(v.command.tool.nameBytes).putAscii("\",\"version\":\"").put(v.version).put('"');
        }
    }

    /** {@code {"type":"<type>","messageId":"<new id>","timestamp":"<ts>"}, the head of an identify or alias call. */
    private void message(ByteOut d, String type, Machine m, long micros) {
        d.putAscii("{\"type\":\"").putAscii(type).put(MESSAGE_ID);
        newId(d);
        d.put(TIMESTAMP);
        timestamp(d, m, micros, false);
    }

    /** Opens a flow event up to its properties, after invocation_id, event_index and version (SegmentFlows adds the rest). */
    void beginFlow(ByteOut d, Invocation v, String event, long micros, int eventIndex) {
        open(d, v, ByteOut.ascii(event), micros, eventIndex);
        d.putAscii(",\"version\":\"").put(v.version).put('"');
    }

    private void open(ByteOut d, Invocation v, byte[] event, long micros, int eventIndex) {
        Machine m = v.machine;
        separate(d);
        d.put(TRACK).put(event).put(MESSAGE_ID);
        newId(d);
        d.put(TIMESTAMP);
        timestamp(d, m, micros, false);
        d.put(ANONYMOUS_ID).put(v.anonId);
        if (v.distinctId != v.anonId) {
            d.put(USER_ID).put(v.distinctId);
        }
        d.put(CONTEXT).put(v.command.tool.nameBytes).put(APP_VERSION).put(v.version).put(DEVICE).put(m.machineId);
        d.put(PROPERTIES).put(invocationId).put(EVENT_INDEX).num(eventIndex);
    }

    void close(ByteOut d) throws IOException {
        d.putAscii("}}");
        if (!batchBody) {
            endLine();
        }
    }
}
