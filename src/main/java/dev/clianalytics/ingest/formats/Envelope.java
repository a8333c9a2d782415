package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The events of one line: a single event, a {@code {"batch":[…]}} body, or a JSON array of events. */
final class Envelope {
    private Envelope() {}

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
