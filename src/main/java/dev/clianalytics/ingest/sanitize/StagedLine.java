package dev.clianalytics.ingest.sanitize;

import java.util.List;
import java.util.UUID;

/**
 * What one input line became (SPEC §3, §4.1, §4.3): blank, a reject reason, a line for another
 * format's reader, or a command event already validated, keyed and sanitized. Holds nothing raw
 * but the names of unknown fields (for the census only).
 *
 * @param format native, posthog or segment (asked, or detected from the keys)
 * @param reason the reject reason, null when none
 * @param unknownKeys names of fields outside SPEC §3 (native lines that are JSON objects), or null
 * @param event the sanitized event of an accepted native line, else null
 */
public record StagedLine(boolean blank, String format, String reason, List<String> unknownKeys, Event event) {

    /** True when the line is another format's, for its reader. */
    public boolean foreign() {
        return !blank && reason == null && event == null;
    }

    /**
     * A command event as stored (sanitized, ids hashed), with the flag names not kept and the flag
     * values dropped; error_source and http_status null when absent or not allowed.
     */
    public record Event(UUID eventKey, long tsMicros, String toolName, String toolVersion, List<String> commandPath,
            List<String> flags, Integer exitCode, Long durationMs, String errorType, String actorHash, String machineHash,
            String sessionHintHash, boolean ciDetected, Long sequence, int flagsDropped, int flagsMalformed,
            int flagValues, String errorSource, Integer httpStatus) {}
}
