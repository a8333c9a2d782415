package dev.clianalytics.ingest.formats;

import java.util.List;

/**
 * An event in the shape of SPEC §3, with raw (unsanitized) values, as a foreign format yields it.
 * Required: timestamp (ISO-8601), toolName, commandPath (non-empty), actorId, machineId.
 * errorSource and httpStatus are the raw texts of those optional fields (a number as its JSON
 * text); the native staging judges them (PrivacyRules).
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
        Long sequence,
        String errorSource,
        String httpStatus) {

    /** An event without error_source and http_status. */
    public NativeEvent(String timestamp, String toolName, String toolVersion, List<String> commandPath,
            List<String> flagsPresent, Integer exitCode, Long durationMs, String errorType, String actorId, String machineId,
            String sessionHint, Boolean ciDetected, String eventId, Long sequence) {
        this(timestamp, toolName, toolVersion, commandPath, flagsPresent, exitCode, durationMs, errorType, actorId, machineId,
                sessionHint, ciDetected, eventId, sequence, null, null);
    }
}
