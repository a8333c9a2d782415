package dev.clianalytics.ingest.formats;

import dev.clianalytics.ingest.sanitize.FlowEvents;
import java.util.Map;

/**
 * A non-command event (SPEC §4.4) with raw ids. {@code properties} must already be reduced to
 * values that are safe to store: the reader keeps only enum-like values (booleans, numbers, short
 * identifiers such as "login" or "auth_flow") and drops free text.
 */
public record FlowEvent(
        String timestamp,
        String eventName,
        String toolName,
        String toolVersion,
        String actorId,
        String machineId,
        String sessionHint,
        String eventId,
        Map<String, Object> properties) {

    /** This event as it may be written (FlowEvents: sanitized, hashed, keyed); null when its timestamp cannot be read. */
    public FlowEvents.Sanitized sanitized(FlowEvents flows) {
        return flows.sanitize(timestamp, eventName, toolName, toolVersion, actorId, machineId, sessionHint, eventId, properties);
    }
}
