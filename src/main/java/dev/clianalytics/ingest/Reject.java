package dev.clianalytics.ingest;

/**
 * A rejected line (SPEC §4.3). {@code text} is the raw line, present only when a rejects file was
 * asked for; it is never printed nor stored in the database.
 */
public record Reject(String file, long line, String reason, String text) {}
