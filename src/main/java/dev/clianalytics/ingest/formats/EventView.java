package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One foreign event object and its properties, with typed accessors that reject the line on a
 * wrong type. Each value is read only where the format puts it (docs/formats.md, "Where each value
 * is read"): properties from {@code properties} (an object, or a JSON string as some exports write
 * it), never from the call's top level when it has one, so an envelope field such as Segment's
 * {@code "version": 2} is never taken for a property. Export rows without {@code properties} carry
 * their properties as top-level columns, and are read there when the reader says the row is such a
 * row ({@code flattened}). Envelope fields a batch body carries for all its events ({@code sentAt})
 * are read from the event, else from the body.
 */
final class EventView {
    private static final JsonNode NONE = JsonNodeFactory.instance.objectNode();

    private final JsonNode node;
    private final JsonNode props;
    private final JsonNode body;

    private EventView(JsonNode node, JsonNode props, JsonNode body) {
        this.node = node;
        this.props = props;
        this.body = body;
    }

    /**
     * @param body the batch body the event came in (its other keys), or null for an event alone
     * @param flattened whether, without {@code properties}, the row's columns are its properties
     */
    static EventView of(JsonNode node, JsonNode body, ObjectMapper mapper, boolean flattened) {
        if (!node.isObject()) {
            throw Rejected.wrongType("event");
        }
        JsonNode props = node.get("properties");
        if (props == null || props.isNull()) {
            props = flattened ? node : NONE;
        } else if (props.isTextual()) {
            try {
                props = mapper.readTree(props.asText());
            } catch (JsonProcessingException e) {
                throw Rejected.wrongType("properties");
            }
            if (!props.isObject()) {
                throw Rejected.wrongType("properties");
            }
        } else if (!props.isObject()) {
            throw Rejected.wrongType("properties");
        }
        return new EventView(node, props, body);
    }

    JsonNode node() {
        return node;
    }

    JsonNode properties() {
        return props;
    }

    /** Whether the properties are the row's own columns (an export row without {@code properties}). */
    boolean flattened() {
        return props == node;
    }

    /** A top-level field, the first of {@code names} present and not null. */
    Field top(String... names) {
        return first(node, List.of(names));
    }

    /** An envelope field of the event, else of the batch body it came in. */
    Field envelope(String... names) {
        Field f = top(names);
        return f.present() || body == null ? f : first(body, List.of(names));
    }

    /** A property, the first of {@code names} present and not null. */
    Field prop(List<String> names) {
        return first(props, names);
    }

    /** A nested field such as context.device.id, or its flattened export column context_device_id. */
    Field path(String... parts) {
        JsonNode n = node;
        for (String p : parts) {
            n = n == null ? null : n.get(p);
        }
        if (n != null && !n.isNull()) {
            return new Field(String.join(".", parts), n);
        }
        return top(String.join("_", parts));
    }

    private static Field first(JsonNode obj, List<String> names) {
        for (String name : names) {
            JsonNode v = obj.get(name);
            if (v != null && !v.isNull()) {
                return new Field(name, v);
            }
        }
        return new Field(names.isEmpty() ? "" : names.get(0), null);
    }

    /** A named value, possibly absent; conversions reject with wrong_type:<name>. */
    record Field(String name, JsonNode value) {
        boolean present() {
            return value != null;
        }

        String text() {
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                throw Rejected.wrongType(name);
            }
            return value.asText();
        }

        String requiredText() {
            String t = text();
            if (t == null) {
                throw Rejected.missing(name);
            }
            return t;
        }

        /** Text, or a number written as text (versions are sometimes numbers). */
        String textOrNumber() {
            if (value != null && value.isNumber()) {
                return value.asText();
            }
            return text();
        }

        /**
         * A text or a number as its JSON text; null for anything else, never a reject: for optional
         * values the privacy rules judge later (error_source, http_status), which are dropped, not
         * reasons to lose the event.
         */
        String scalarText() {
            return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
        }

        Long integer() {
            if (value == null) {
                return null;
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.asLong();
            }
            if (value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble())
                    && Math.abs(value.asDouble()) < 9.0e15) {
                return (long) value.asDouble();
            }
            throw Rejected.wrongType(name);
        }

        Integer int32() {
            Long v = integer();
            if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                throw Rejected.wrongType(name);
            }
            return v == null ? null : v.intValue();
        }

        /** A duration in milliseconds, integer or fractional (rounded), never negative. */
        Long millis() {
            if (value == null) {
                return null;
            }
            if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0
                    || value.asDouble() > 9.0e15) {
                throw Rejected.wrongType(name);
            }
            return value.isIntegralNumber() ? value.asLong() : Math.round(value.asDouble());
        }

        Boolean bool() {
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                throw Rejected.wrongType(name);
            }
            return value.asBoolean();
        }

        /**
         * A yes/no as CLIs send it: a boolean, the numbers 0 and 1 ({@code "is_ci": 1}), or the texts
         * true, false, 1, 0 (any case); anything else is of the wrong type.
         */
        Boolean flag() {
            if (value == null || value.isBoolean()) {
                return bool();
            }
            if (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1)) {
                return value.asLong() == 1;
            }
            if (value.isTextual()) {
                switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> {
                        return true;
                    }
                    case "false", "0" -> {
                        return false;
                    }
                    default -> { }
                }
            }
            throw Rejected.wrongType(name);
        }

        List<String> strings() {
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                throw Rejected.wrongType(name);
            }
            List<String> out = new ArrayList<>(value.size());
            for (JsonNode e : value) {
                if (!e.isTextual()) {
                    throw Rejected.wrongType(name);
                }
                out.add(e.asText());
            }
            return out;
        }
    }
}
