package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The events of one line: a single event, a {@code {"batch":[…]}} body, or a JSON array of events. */
final class Envelope {
    static final int MAX_LINE_CHARS = 1 << 20;

    private Envelope() {}

    /** Maps one event of a line, adding what it emits to {@code out}; throws {@link Rejected} to reject the line. */
    @FunctionalInterface
    interface EventMapper {
        void map(EventView event, long lineNumber, int indexInLine, List<Consumer<FormatReader.Sink>> out);
    }

    /**
     * Parses one line and maps each of its events; the line counts whole (everything it emits reaches
     * the sink) or is rejected whole (too long, invalid JSON, or any event rejected).
     */
    static void mapLine(String line, long lineNumber, FormatReader.Sink sink, ObjectMapper mapper, EventMapper map) {
        if (line.length() > MAX_LINE_CHARS) {
            sink.reject(lineNumber, "line_too_long");
            return;
        }
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            sink.reject(lineNumber, "invalid_json");
            return;
        }
        List<Consumer<FormatReader.Sink>> out = new ArrayList<>();
        try {
            List<JsonNode> events = events(root);
            for (int i = 0; i < events.size(); i++) {
                map.map(EventView.of(events.get(i), mapper), lineNumber, i, out);
            }
        } catch (Rejected r) {
            sink.reject(lineNumber, r.reason());
            return;
        }
        out.forEach(o -> o.accept(sink));
    }

    static List<JsonNode> events(JsonNode root) {
        JsonNode batch = root.isArray() ? root : root.isObject() ? root.get("batch") : null;
        if (batch == null) {
            if (!root.isObject()) {
                throw Rejected.wrongType("event");
            }
            return List.of(root);
        }
        if (!batch.isArray()) {
            throw Rejected.wrongType("batch");
        }
        List<JsonNode> events = new ArrayList<>(batch.size());
        for (JsonNode e : batch) {
            if (!e.isObject()) {
                throw Rejected.wrongType("batch");
            }
            events.add(e);
        }
        return events;
    }
}
