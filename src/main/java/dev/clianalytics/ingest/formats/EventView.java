package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One foreign event object and its properties, with typed accessors that reject the line on a
 * wrong type. Properties are read from {@code properties} (an object, or a JSON string as some
 * exports write it); export rows that carry them at the top level are read from there.
 */
final class EventView {
    private final JsonNode node;
    private final JsonNode props;

    private EventView(JsonNode node, JsonNode props) {
        this.node = node;
        this.props = props;
    }

    static EventView of(JsonNode node, ObjectMapper mapper) {
        if (!node.isObject()) {
            throw Rejected.wrongType("event");
        }
        JsonNode props = node.get("properties");
        if (props == null || props.isNull()) {
            props = node;
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
        return new EventView(node, props);
    }

    JsonNode node() {
        return node;
    }

    JsonNode properties() {
        return props;
    }

    /** A top-level field, the first of {@code names} present and not null. */
    Field top(String... names) {
        return first(node, List.of(names));
    }

    /** A property, the first of {@code names} present and not null (properties, then top level). */
    Field prop(List<String> names) {
        Field f = first(props, names);
        return f.present() || props == node ? f : first(node, names);
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
