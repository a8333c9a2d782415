package dev.clianalytics.ingest.formats;

import java.util.Locale;

/** The event formats ingest reads (SPEC §4.4). */
public enum EventFormat {
    NATIVE, POSTHOG, SEGMENT;

    /** The lower-case name used on the command line and in {@code events.source_format}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A reader for a foreign format; the native format is read by the SQL path, not by a reader. */
    public FormatReader reader(FormatConfig config) {
        return switch (this) {
            case POSTHOG -> new PostHogReader(config.posthog());
            case SEGMENT -> new SegmentReader(config.segment());
            case NATIVE -> throw new IllegalArgumentException("the native format has no FormatReader");
        };
    }
}
