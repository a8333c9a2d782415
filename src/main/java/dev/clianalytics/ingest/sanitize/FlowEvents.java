package dev.clianalytics.ingest.sanitize;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The privacy and key rules of a flow event (SPEC §4.1, §4.2, §4.4), in Java like a command
 * event's, so that only sanitized values are ever written: its event name, tool and version
 * sanitized, its ids hashed, its key computed here. Keys equal those every earlier build gave
 * (computed then in SQL over {@code to_json([...])}): the content of an event without an id is
 * rendered exactly as DuckDB renders that JSON list, properties included (FlowEventsTest pins
 * both against DuckDB). Not thread-safe (one per ingest, like the readers).
 */
public final class FlowEvents {
    private static final Pattern CATALOG_NAME = Pattern.compile("[A-Za-z$][A-Za-z0-9 _.:$-]{0,127}");

    private final IdHasher ids;
    private final EventKeys keys;

    public FlowEvents(byte[] hmacKey, String eventKeySecretHex) {
        this.ids = new IdHasher(hmacKey);
        this.keys = new EventKeys(eventKeySecretHex);
    }

    /** A flow event as it may be written: every value sanitized, ids hashed, properties as JSON text. */
    public record Sanitized(UUID eventKey, long tsMicros, String eventName, String toolName, String toolVersion,
            String actorHash, String machineHash, String sessionHintHash, String properties) {}

    /**
     * Sanitizes one event; null when its timestamp cannot be read ({@code bad_timestamp}).
     * {@code properties} must already hold only the enum-like values the readers keep.
     */
    public Sanitized sanitize(String timestamp, String eventName, String toolName, String toolVersion, String actorId,
            String machineId, String sessionHint, String eventId, Map<String, Object> properties) {
        long ts = timestamp == null ? EpochMicros.INVALID : EpochMicros.micros(timestamp);
        if (ts == EpochMicros.INVALID) {
            return null;
        }
        String actor = ids.hash(actorId);
        String machine = ids.hash(machineId);
        String hint = ids.hash(sessionHint);
        String props = propertiesJson(properties);
        UUID key = eventId != null ? keys.forEventId(eventId)
                : keys.forContent(contentJson(timestamp, eventName, toolName, toolVersion, actor, machine, hint, props));
        return new Sanitized(key, ts, eventName(eventName), PrivacyRules.toolName(toolName),
                PrivacyRules.toolVersion(toolVersion), actor, machine, hint, props);
    }

    /** A plain catalog name is kept; any other name, or one that hides a secret, becomes [redacted]. */
    static String eventName(String name) {
        return name != null && CATALOG_NAME.matcher(name).matches() && name.equals(PrivacyRules.errorType(name))
                ? name : PrivacyRules.REDACTED;
    }

    /** The content a key is made of when the event has no id: the JSON list of its raw fields. */
    static String contentJson(String timestamp, String eventName, String toolName, String toolVersion, String actorHash,
            String machineHash, String sessionHintHash, String properties) {
        StringBuilder b = new StringBuilder(256).append("[\"flow\"");
        for (String v : new String[] {timestamp, eventName, toolName, toolVersion, actorHash, machineHash, sessionHintHash,
                properties}) {
            b.append(',');
            string(b, v);
        }
        return b.append(']').toString();
    }

    /** Properties as DuckDB's JSON type renders them: compact, in order, numbers as it prints them. */
    static String propertiesJson(Map<String, Object> properties) {
        StringBuilder b = new StringBuilder(64).append('{');
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            string(b, p.getKey());
            b.append(':');
            Object v = p.getValue();
            if (v instanceof String s) {
                string(b, s);
            } else if (v instanceof Double d) {
                b.append(number(d));
            } else {
                b.append(v); // Boolean, Long, Integer
            }
        }
        return b.append('}').toString();
    }

    /**
     * A double as DuckDB (yyjson) prints it: the shortest digits that read back to the value, in
     * plain notation with ".0" for whole numbers when its exponent is in [-6, 21), else as 1.5e-7.
     */
    static String number(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -6 || exponent >= 21) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + exponent;
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }

    /** A JSON string as DuckDB writes one (JsonText); null as JSON's null. */
    private static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
        } else {
            JsonText.string(b, s);
        }
    }
}
