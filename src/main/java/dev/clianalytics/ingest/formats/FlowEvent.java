package dev.clianalytics.ingest.formats;

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
        Map<String, Object> properties) {}
