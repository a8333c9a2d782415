package dev.clianalytics.ingest.formats;

import java.util.List;

/**
 * An event in the shape of SPEC §3, with raw (unsanitized) values, as a foreign format yields it.
 * Required: timestamp (ISO-8601), toolName, commandPath (non-empty), actorId, machineId.
 */
public record NativeEvent(
        String timestamp,
        String toolName,
        String toolVersion,
        List<String> commandPath,
        List<String> flagsPresent,
        Integer exitCode,
        Long durationMs,
        String errorType,
        String actorId,
        String machineId,
        String sessionHint,
        Boolean ciDetected,
        String eventId,
        Long sequence) {}
