package dev.clianalytics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clianalytics.infer.InferResult;
import dev.clianalytics.infer.InferSettings;
import dev.clianalytics.ingest.IngestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What ingest and infer did, as one JSON object on one line (--format json, --result-format json),
 * for scripts: keys in a fixed order, snake_case, times ISO-8601 UTC (docs/ingest.md, docs/infer.md).
 */
final class ResultJson {
    /** text: the lines on stderr, as always; json: the object on stdout instead. Lower case, as typed. */
    enum Format { text, json }

    private ResultJson() {}

    static void write(PrintWriter out, IngestResult r) {
        out.println(json(g -> {
            g.writeNumberField("run_id", r.runId());
            g.writeArrayFieldStart("files");
            for (IngestResult.FileResult f : r.files()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeNumberField("bytes", f.bytes());
                g.writeNumberField("lines", f.lines());
                g.writeNumberField("stored", f.accepted());
                g.writeNumberField("duplicates", f.duplicates());
                g.writeNumberField("conflicts", f.conflicts());
                g.writeNumberField("rejected", f.rejected());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("stored", r.accepted());
            g.writeNumberField("duplicates", r.duplicates());
            g.writeNumberField("conflicts", r.conflicts());
            g.writeNumberField("rejected", r.rejected());
            g.writeNumberField("ignored", r.ignored());
            g.writeNumberField("flow_events", r.flowEvents());
            g.writeNumberField("identity_links", r.links());
            g.writeArrayFieldStart("reject_reasons");
            for (IngestResult.ReasonCount c : r.rejectReasons()) {
                g.writeStartObject();
                g.writeStringField("reason", c.reason());
                g.writeNumberField("count", c.count());
                g.writeArrayFieldStart("first_locations");
                for (String location : c.firstLocations()) {
                    g.writeString(location);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("unknown_fields", r.unknownFields());
            g.writeNumberField("elapsed_ms", r.elapsed().toMillis());
        }));
        out.flush();
    }

    static void write(PrintWriter out, InferResult r, InferSettings settings) {
        out.println(json(g -> {
            g.writeNumberField("infer_id", r.inferId());
            g.writeNumberField("events", r.events());
            g.writeNumberField("sessions", r.sessions());
            g.writeNumberField("workflow_runs", r.workflowRuns());
            g.writeObjectFieldStart("outcomes");
            for (String outcome : InferResult.OUTCOMES) {
                g.writeNumberField(outcome, r.outcomes().getOrDefault(outcome, 0L));
            }
            g.writeEndObject();
            g.writeObjectFieldStart("settings");
            g.writeNumberField("session_timeout_ms", settings.sessionTimeout().toMillis());
            instant(g, "as_of", r.asOf());
            g.writeBooleanField("as_of_given", settings.asOf() != null);
            g.writeStringField("workflows_file", settings.workflowsFile());
            g.writeEndObject();
            g.writeNumberField("elapsed_ms", r.elapsed().toMillis());
        }));
        out.flush();
    }

    private static void instant(JsonGenerator g, String key, Instant value) throws IOException {
        g.writeStringField(key, value == null ? null : value.toString());
    }

    private interface Members {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Members members) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            g.writeStartObject();
            members.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
