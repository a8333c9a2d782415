package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The events of one line: a single event, a {@code {"batch":[…]}} body, or a JSON array of events. */
final class Envelope {
    static final int MAX_LINE_CHARS = 1 << 20;
    /** What an empty batch body ({@code {"batch": []}}) is counted as: one ignored record. */
    static final String EMPTY_BATCH = "empty batch";

    private Envelope() {}

    /** Maps one event of a line, adding what it emits to {@code out}; throws {@link Rejected} to reject the line. */
    @FunctionalInterface
    interface EventMapper {
        void map(EventView event, long lineNumber, int indexInLine, List<Consumer<FormatReader.Sink>> out);
    }

    /**
     * Parses one line and maps each of its events; the line counts whole (everything it emits reaches
     * the sink, then {@link FormatReader.Sink#lineRead}) or is rejected whole (too long, invalid JSON,
     * or any event rejected). {@code flattened} says whether an event without {@code properties} is an
     * export row whose columns are its properties.
     */
    static void mapLine(String line, long lineNumber, FormatReader.Sink sink, ObjectMapper mapper,
            Predicate<JsonNode> flattened, EventMapper map) {
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
        List<JsonNode> events;
        try {
            events = events(root);
            JsonNode body = root.isObject() && root.has("batch") ? root : null;
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                if (!event.isObject()) {
                    throw Rejected.wrongType("event");
                }
                map.map(EventView.of(event, body, mapper, flattened.test(event)), lineNumber, i, out);
            }
        } catch (Rejected r) {
            sink.reject(lineNumber, r.reason());
            return;
        }
        if (events.isEmpty()) {
            out.add(s -> s.ignored(EMPTY_BATCH));
        }
        out.forEach(o -> o.accept(sink));
        sink.lineRead(lineNumber, Math.max(1, events.size()));
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
