package dev.clianalytics.generate;

import java.io.IOException;
import java.io.OutputStream;

/** The native format of SPEC §3: one JSON object per line, fields in a fixed order. */
final class NativeWriter extends FormatWriter {
    private static final byte[] TIMESTAMP = ByteOut.ascii(",\"timestamp\":");
    private static final byte[] TOOL = ByteOut.ascii(",\"tool_name\":\"");
    private static final byte[] VERSION = ByteOut.ascii(",\"tool_version\":\"");
    private static final byte[] PATH = ByteOut.ascii(",\"command_path\":");
    private static final byte[] FLAGS = ByteOut.ascii(",\"flags_present\":");
    private static final byte[] EXIT = ByteOut.ascii(",\"exit_code\":");
    private static final byte[] DURATION = ByteOut.ascii(",\"duration_ms\":");
    private static final byte[] ERROR = ByteOut.ascii(",\"error_type\":\"");
    private static final byte[] ACTOR = ByteOut.ascii(",\"actor_id\":\"");
    private static final byte[] MACHINE = ByteOut.ascii(",\"machine_id\":\"");
    private static final byte[] HINT = ByteOut.ascii(",\"session_hint\":\"");
    private static final byte[] CI_TRUE = ByteOut.ascii(",\"ci_detected\":true");
    private static final byte[] CI_FALSE = ByteOut.ascii(",\"ci_detected\":false");
    private static final byte[] CI_YES = ByteOut.ascii(",\"ci_detected\":\"yes\"");
    private static final byte[] EVENT_ID = ByteOut.ascii(",\"event_id\":\"");
    private static final byte[] SEQUENCE = ByteOut.ascii(",\"sequence\":");
    private static final byte[] SOURCE = ByteOut.ascii(",\"error_source\":\"");
    private static final byte[] STATUS = ByteOut.ascii(",\"http_status\":");
    private static final byte[] UNKNOWN = ByteOut.ascii(",\"os_type\":\"linux\"");

    private static final byte[][] ACTOR_KEYS = {ByteOut.ascii("\"actor_id\":")};
    private static final byte[][] COMMAND_KEYS = {ByteOut.ascii("\"command_path\":")};

    NativeWriter(OutputStream stream, long seed, long events) {
        super(stream, seed, events, ACTOR_KEYS, COMMAND_KEYS);
    }

    @Override
    public void invocation(Invocation v) throws IOException {
        line(v, null, out);
        endLine();
    }

    @Override
    public void episodeEnd() {}

    @Override
    void bad(Invocation v, BadLine kind) throws IOException {
        int start = out.len;
        line(v, kind, out);
        if (kind == BadLine.TRUNCATED) {
            out.len = start + (out.len - start) / 2;
        } else if (kind == BadLine.TRAILING_GARBAGE) {
            out.putAscii(v.index % 2 == 0 ? "}" : " garbage");
        }
        endLine();
    }

    @Override
    void oneObject(Invocation v, ByteOut d) {
        line(v, null, d);
    }

    /** {@code ,"actor_id":"..","machine_id":".."}, built once per machine and actor (the actor changes at logout). */
    private static byte[] actorAndMachine(Invocation v) {
        Machine m = v.machine;
        if (m.nativeIdsFor != v.actorId) {
            m.nativeIds = new ByteOut(96).put(ACTOR).put(v.actorId).put('"').put(MACHINE).put(m.machineId).put('"').toBytes();
            m.nativeIdsFor = v.actorId;
        }
        return m.nativeIds;
    }

    /** The event, with the one defect of {@code bad} when it is a field-level kind. */
    private void line(Invocation v, BadLine bad, ByteOut d) {
        Machine m = v.machine;
        Catalog.Command c = v.command;
        int start = d.len;
        if (bad != BadLine.MISSING_TIMESTAMP) {
            d.put(TIMESTAMP);
            if (bad == BadLine.BAD_TIMESTAMP) {
                quoted(d, BAD_TIMESTAMPS[(int) (v.index % BAD_TIMESTAMPS.length)]);
            } else {
                timestamp(d, m, v.tsMicros, true);
            }
        }
        if (bad == null) {
            d.put(c.nativeToolAndPath);
        } else if (bad != BadLine.MISSING_TOOL_NAME) {
            d.put(TOOL).put(c.tool.nameBytes).put('"');
        }
        d.put(VERSION).put(v.version).put('"');
        if (bad == null) {
            // tool_name and command_path are already written
        } else if (bad == BadLine.WRONG_TYPE_COMMAND_PATH) {
            d.put(PATH);
            quoted(d, c.spacedWithTool);
        } else if (bad == BadLine.EMPTY_COMMAND_PATH) {
            d.put(PATH).putAscii("[]");
        } else if (bad != BadLine.MISSING_COMMAND_PATH) {
            d.put(PATH).put(c.pathJson);
        }
        if (bad == BadLine.WRONG_TYPE_FLAGS) {
            d.put(FLAGS).putAscii("\"--force\"");
        } else if (v.flagCount > 0 || !m.omitsEmptyFlags) {
            d.put(FLAGS);
            flagsArray(d, v);
        }
        if (bad == BadLine.WRONG_TYPE_EXIT_CODE) {
            d.put(EXIT).put('"').num(v.exitCode).put('"');
        } else {
            d.put(EXIT).num(v.exitCode);
        }
        if (bad == BadLine.WRONG_TYPE_DURATION) {
            d.put(DURATION).put('"').num(v.durationMs).putAscii("ms\"");
        } else {
            d.put(DURATION).num(v.durationMs);
        }
        if (v.hasError || bad == BadLine.LINE_TOO_LONG) {
            d.put(ERROR).put(v.error);
            if (bad == BadLine.LINE_TOO_LONG) {
                d.put(LongText.BYTES);
            }
            d.put('"');
        }
        if (bad == null) {
            d.put(actorAndMachine(v));
        } else {
            if (bad != BadLine.MISSING_ACTOR_ID) {
                d.put(ACTOR).put(v.actorId).put('"');
            }
            if (bad != BadLine.MISSING_MACHINE_ID) {
                d.put(MACHINE).put(m.machineId).put('"');
            }
        }
        if (v.sessionHint != null) {
            d.put(HINT).put(v.sessionHint).put('"');
        }
        if (bad == BadLine.WRONG_TYPE_CI_DETECTED) {
            d.put(CI_YES);
        } else if (v.ci || !m.omitsCiWhenFalse) {
            d.put(v.ci ? CI_TRUE : CI_FALSE);
        }
        if (m.sendsEventId) {
            d.put(EVENT_ID);
            idFor(d, v.index, 1);
            d.put('"');
        }
        if (v.sequence >= 0) {
            d.put(SEQUENCE).num(v.sequence);
        }
        if (v.failure != null && m.sgNewCatalog) { // clients on the newer catalog say where failures came from
            d.put(SOURCE).put(v.failure.source()).put('"');
            if (v.failure.httpStatus() != FailureSource.NONE) {
                d.put(STATUS).num(v.failure.httpStatus());
            }
        }
        if (m.sendsUnknownField) {
            d.put(UNKNOWN);
        }
        d.put('}');
        d.buf[start] = '{';
    }
}
