package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link NativeEvent} as one native line (SPEC §3), raw values included: the ingest path
 * can feed foreign events through the very same validation, hashing and sanitization as native
 * ones, which is what makes the formats give identical results. Absent values are left out.
 */
public final class NativeJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private NativeJson() {}

    public static String line(NativeEvent e) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", e.timestamp());
            g.writeStringField("tool_name", e.toolName());
            text(g, "tool_version", e.toolVersion());
            strings(g, "command_path", e.commandPath());
            strings(g, "flags_present", e.flagsPresent());
            if (e.exitCode() != null) {
                g.writeNumberField("exit_code", e.exitCode());
            }
            if (e.durationMs() != null) {
                g.writeNumberField("duration_ms", e.durationMs());
            }
            text(g, "error_type", e.errorType());
            g.writeStringField("actor_id", e.actorId());
            g.writeStringField("machine_id", e.machineId());
            text(g, "session_hint", e.sessionHint());
            if (e.ciDetected() != null) {
                g.writeBooleanField("ci_detected", e.ciDetected());
            }
            text(g, "event_id", e.eventId());
            if (e.sequence() != null) {
                g.writeNumberField("sequence", e.sequence());
            }
            text(g, "error_source", e.errorSource());
            text(g, "http_status", e.httpStatus());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values != null) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }
}
