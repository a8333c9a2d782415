package dev.clianalytics.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * PostHog captures as the seed CLI sends them (docs: FORMATS-CONTRACT): one {@code CLI execution
 * succeeded|failed} event per run, {@code $create_alias} or {@code $identify} when a login links the
 * anonymous id to the account, CI runs as {@code {"api_key":..,"batch":[..]}} bodies, and now and then
 * an event the reader must ignore ({@code $feature_flag_called}).
 */
final class PostHogWriter extends FormatWriter {
    private static final byte[] SUCCEEDED = ByteOut.ascii("{\"event\":\"CLI execution succeeded\",\"distinct_id\":\"");
    private static final byte[] FAILED = ByteOut.ascii("{\"event\":\"CLI execution failed\",\"distinct_id\":\"");
    private static final byte[] TIMESTAMP = ByteOut.ascii("\",\"timestamp\":");
    private static final byte[] UUID = ByteOut.ascii(",\"uuid\":\"");
    private static final byte[] COMMAND_NAME = ByteOut.ascii("\",\"properties\":{\"command_name\":\"");
    private static final byte[] TOOL = ByteOut.ascii("\",\"tool_name\":\"");
    private static final byte[] VERSION = ByteOut.ascii("\",\"cli_version\":\"");
    private static final byte[] DURATION_MS = ByteOut.ascii("\",\"duration_ms\":");
    private static final byte[] DURATION = ByteOut.ascii("\",\"duration\":");
    private static final byte[] MACHINE = ByteOut.ascii(",\"machine_id\":\"");
    private static final byte[] DEVICE = ByteOut.ascii(",\"$device_id\":\"");
    private static final byte[] FLAGS = ByteOut.ascii(",\"flags\":");
    private static final byte[] EXIT = ByteOut.ascii(",\"exit_code\":");
    private static final byte[] ERROR = ByteOut.ascii(",\"error_message\":\"");
    private static final byte[] HINT = ByteOut.ascii(",\"session_hint\":\"");
    private static final byte[] CI_TRUE = ByteOut.ascii(",\"ci\":true");
    private static final byte[] CI_FALSE = ByteOut.ascii(",\"ci\":false");
    private static final byte[] SEQUENCE = ByteOut.ascii(",\"sequence\":");
    private static final byte[] TAIL_ANON = ByteOut.ascii(",\"os_type\":\"Linux\",\"is_anon\":true,\"$process_person_profile\":false,\"$lib\":\"posthog-python\"}}");
    private static final byte[] TAIL_KNOWN = ByteOut.ascii(",\"os_type\":\"Linux\",\"is_anon\":false,\"$lib\":\"posthog-python\"}}");
    private static final byte[] BATCH_HEAD = ByteOut.ascii("{\"api_key\":\"phc_cli_analytics_sample\",\"batch\":[");
    static final int FEATURE_FLAG_PER_MILLE = 20;

    private final ByteOut batch = new ByteOut(8192);
    private int batched;

    private static final byte[][] ACTOR_KEYS = {ByteOut.ascii("\"distinct_id\":")};
    private static final byte[][] COMMAND_KEYS = {ByteOut.ascii("\"command_name\":")};

    PostHogWriter(OutputStream stream, long seed, long events) {
        super(stream, seed, events, ACTOR_KEYS, COMMAND_KEYS);
    }

    @Override
    public void invocation(Invocation v) throws IOException {
        if (v.ci) {
            if (batched++ > 0) {
                batch.put(',');
            }
            oneObject(v, batch);
            return;
        }
        if (v.linksIdentity) {
            link(v);
            endLine();
        }
        if (hashOf(v.index) % 1000 < FEATURE_FLAG_PER_MILLE) {
            featureFlag(v);
            endLine();
        }
        oneObject(v, out);
        endLine();
    }

    @Override
    public void episodeEnd() throws IOException {
        if (batched > 0) {
            out.put(BATCH_HEAD).put(batch).putAscii("]}");
            batch.reset();
            batched = 0;
            endLine();
        }
    }

    @Override
    void bad(Invocation v, BadLine kind) throws IOException {
        episodeEnd();
        mangle(v, kind);
    }

    @Override
    void oneObject(Invocation v, ByteOut d) {
        Machine m = v.machine;
        Catalog.Command c = v.command;
        d.put(v.exitCode == 0 ? SUCCEEDED : FAILED).put(v.distinctId).put(TIMESTAMP);
        timestamp(d, m, v.tsMicros, false);
        d.put(UUID);
        idFor(d, v.index, 2);
        d.put(COMMAND_NAME).put(m.phNameWithTool ? c.dottedWithTool : c.dotted);
        d.put(TOOL).put(c.tool.nameBytes).put(VERSION).put(v.version);
        if (m.phDurationFloat) {
            // Float milliseconds as the seed CLI sends them; the fraction stays below .5 so rounding gives duration_ms.
            d.put(DURATION).num(v.durationMs).put('.').fixed(v.index % 50, 2);
        } else {
            d.put(DURATION_MS).num(v.durationMs);
        }
        d.put(m.phDeviceId ? DEVICE : MACHINE).put(m.machineId).put('"');
        if (v.flagCount > 0 || !m.omitsEmptyFlags) {
            d.put(FLAGS);
            flagsArray(d, v);
        }
        if (m.phExitCodeProperty || (v.exitCode != 0 && v.exitCode != 1)) {
            d.put(EXIT).num(v.exitCode);
        }
        if (v.hasError) {
            d.put(ERROR).put(v.error).put('"');
        }
        if (v.failure != null && m.sgNewCatalog) { // the same clients as in the other formats
            d.putAscii(",\"error_source\":\"").put(v.failure.source()).put('"');
            if (v.failure.httpStatus() != FailureSource.NONE) {
                d.putAscii(",\"http_status\":").num(v.failure.httpStatus());
            }
        }
        if (v.sessionHint != null) {
            d.put(HINT).put(v.sessionHint).put('"');
        }
        if (v.ci || !m.omitsCiWhenFalse) {
            d.put(v.ci ? CI_TRUE : CI_FALSE);
        }
        if (v.sequence >= 0) {
            d.put(SEQUENCE).num(v.sequence);
        }
        d.put(v.distinctId == v.anonId ? TAIL_ANON : TAIL_KNOWN);
    }

    /** $create_alias (distinct_id = account, alias = anonymous id) or $identify, sent before the login's own event. */
    private void link(Invocation v) {
        Machine m = v.machine;
        out.putAscii(m.phIdentify ? "{\"event\":\"$identify\",\"distinct_id\":\"" : "{\"event\":\"$create_alias\",\"distinct_id\":\"")
                .put(m.principalId).put(TIMESTAMP);
        timestamp(out, m, v.tsMicros, false);
        out.put(UUID);
        newId(out);
        if (m.phIdentify) {
            out.putAscii("\",\"properties\":{\"$anon_distinct_id\":\"").put(v.anonId).putAscii("\"}}");
        } else {
            out.putAscii("\",\"properties\":{\"alias\":\"").put(v.anonId).putAscii("\",\"distinct_id\":\"")
                    .put(m.principalId).putAscii("\"}}");
        }
    }

    private void featureFlag(Invocation v) {
        out.putAscii("{\"event\":\"$feature_flag_called\",\"distinct_id\":\"").put(v.distinctId).put(TIMESTAMP);
        timestamp(out, v.machine, v.tsMicros, false);
        out.put(UUID);
        newId(out);
        out.putAscii("\",\"properties\":{\"$feature_flag\":\"new-login-flow\",\"$feature_flag_response\":true}}");
    }
}
