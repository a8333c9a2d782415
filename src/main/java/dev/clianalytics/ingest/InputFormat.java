package dev.clianalytics.ingest;

/** The input formats ingest reads (SPEC §2, §4.4); AUTO detects each line's format from its keys. */
public enum InputFormat {
    AUTO, NATIVE, POSTHOG, SEGMENT;

    /** The name used in SQL, the database and messages. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
