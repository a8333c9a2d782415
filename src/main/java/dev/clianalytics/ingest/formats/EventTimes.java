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
    static String posthog(EventView e) {
        Instant received = optionalInstant(e.envelope("now"));
        EventView.Field timestamp = e.top("timestamp");
        if (timestamp.present()) {
            return skewed(timestamp.text(), e, received);
        }
        EventView.Field offset = e.top("offset");
        if (offset.present()) {
            Instant base = received != null ? received : optionalInstant(e.envelope("sent_at"));
            if (base != null) {
                return base.minus(Duration.ofMillis(offsetMillis(offset))).toString();
            }
        }
        EventView.Field time = e.prop(List.of("$time"));
        if (time.present()) {
            Instant client = epochSeconds(time);
            Instant sent = received == null ? null : postHogSent(e);
            return (sent == null ? client : received.plus(Duration.between(sent, client))).toString();
        }
        throw Rejected.missing("timestamp");
    }

    /** The time a PostHog body says it was sent, unless the event asks to ignore it ($ignore_sent_at). */
    private static Instant postHogSent(EventView e) {
        EventView.Field ignore = e.prop(List.of("$ignore_sent_at"));
        return ignore.present() && ignore.value().isBoolean() && ignore.value().asBoolean() ? null
                : optionalInstant(e.envelope("sent_at"));
    }

    private static String skewed(String clientText, EventView e, Instant received) {
        Instant sent = received == null ? null : postHogSent(e);
        if (sent == null) {
            return Timestamps.normalise(clientText);
        }
        return received.plus(Duration.between(sent, Timestamps.instant(clientText))).toString();
    }

    /**
     * A Segment call: {@code timestamp} when {@code originalTimestamp} is there too (Segment's servers
     * corrected it already); else the client's time ({@code timestamp}, else {@code originalTimestamp})
     * moved by {@code receivedAt − sentAt} when the line has both, as Segment does.
     */
    static String segment(EventView e) {
        EventView.Field timestamp = e.top("timestamp");
        EventView.Field original = e.top("originalTimestamp", "original_timestamp");
        if (timestamp.present() && original.present()) {
            return Timestamps.normalise(timestamp.text());
        }
        EventView.Field client = timestamp.present() ? timestamp : original;
        if (!client.present()) {
            throw Rejected.missing("timestamp");
        }
        String text = client.text();
        Instant received = optionalInstant(e.envelope("receivedAt", "received_at"));
        Instant sent = received == null ? null : optionalInstant(e.envelope("sentAt", "sent_at"));
        if (sent == null) {
            return Timestamps.normalise(text);
        }
        return received.plus(Duration.between(sent, Timestamps.instant(text))).toString();
    }

    /** The instant as stored, or null when the call says none or an unreadable one (links need none). */
    static String orNull(EventView e, Function<EventView, String> time) {
        try {
            return time.apply(e);
        } catch (Rejected unreadable) {
            return null;
        }
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

}
