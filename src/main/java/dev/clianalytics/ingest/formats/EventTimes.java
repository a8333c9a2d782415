package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * When a foreign event happened (docs/formats.md, "Timestamps and clock skew"), read the way PostHog
 * and Segment read their own events: the client's clock is corrected by the difference between the
 * time the body was received and the time the client says it sent it, when the line carries both.
 * Without them the client's time is taken as it is.
 */
final class EventTimes {
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);
    private static final double MAX_OFFSET_MS = 1e12;

    private EventTimes() {}

    /**
     * A PostHog event: {@code timestamp}; else {@code offset} ms before the receiving time {@code now}
     * (else before {@code sent_at}); else {@code properties.$time} (epoch seconds, posthog-js). A
     * {@code timestamp} or {@code $time} is moved by {@code now − sent_at} when the line has both,
     * unless {@code properties.$ignore_sent_at} is true, as PostHog does.
     */
    static Instant posthog(EventView e) {
        Instant sent = optionalInstant(e.envelope("sent_at"));
        Instant received = optionalInstant(e.envelope("now"));
        if (Boolean.TRUE.equals(asBoolean(e.prop(List.of("$ignore_sent_at"))))) {
            sent = null;
        }
        EventView.Field timestamp = e.top("timestamp");
        if (timestamp.present()) {
            return skewed(Timestamps.instant(timestamp.text()), sent, received);
        }
        EventView.Field offset = e.top("offset");
        Instant base = received != null ? received : sent;
        if (offset.present() && base != null) {
            return base.minus(Duration.ofMillis(offsetMillis(offset)));
        }
        EventView.Field time = e.prop(List.of("$time"));
        if (time.present()) {
            return skewed(epochSeconds(time), sent, received);
        }
        throw Rejected.missing("timestamp");
    }

    /**
     * A Segment call: {@code timestamp} when {@code originalTimestamp} is there too (Segment's servers
     * corrected it already); else the client's time ({@code timestamp}, else {@code originalTimestamp})
     * moved by {@code receivedAt − sentAt} when the line has both, as Segment does.
     */
    static Instant segment(EventView e) {
        EventView.Field timestamp = e.top("timestamp");
        EventView.Field original = e.top("originalTimestamp", "original_timestamp");
        if (timestamp.present() && original.present()) {
            return Timestamps.instant(timestamp.text());
        }
        EventView.Field client = timestamp.present() ? timestamp : original;
        if (!client.present()) {
            throw Rejected.missing("timestamp");
        }
        return skewed(Timestamps.instant(client.text()), optionalInstant(e.envelope("sentAt", "sent_at")),
                optionalInstant(e.envelope("receivedAt", "received_at")));
    }

    /** The instant as stored, or null when the call says none or an unreadable one (links need none). */
    static String orNull(EventView e, Function<EventView, Instant> time) {
        try {
            return time.apply(e).toString();
        } catch (Rejected unreadable) {
            return null;
        }
    }

    private static Instant skewed(Instant client, Instant sent, Instant received) {
        return sent == null || received == null ? client : received.plus(Duration.between(sent, client));
    }

    /** An envelope time that only corrects another: unreadable counts as absent. */
    private static Instant optionalInstant(EventView.Field f) {
        if (!f.present() || !f.value().isTextual()) {
            return null;
        }
        try {
            return Timestamps.instant(f.value().asText());
        } catch (Rejected unreadable) {
            return null;
        }
    }

    private static long offsetMillis(EventView.Field offset) {
        JsonNode v = offset.value();
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > MAX_OFFSET_MS) {
            throw Rejected.wrongType(offset.name());
        }
        return Math.round(v.asDouble());
    }

    private static Instant epochSeconds(EventView.Field f) {
        JsonNode v = f.value();
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0 || v.asDouble() > 253402300799d) {
            throw Rejected.wrongType(f.name());
        }
        long micros = v.decimalValue().multiply(MICROS_PER_SECOND).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static Boolean asBoolean(EventView.Field f) {
        return f.present() && f.value().isBoolean() ? f.value().asBoolean() : null;
    }
}
