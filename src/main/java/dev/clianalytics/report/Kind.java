package dev.clianalytics.report;

/** What a value means, which decides how each format writes it (human in table/markdown, exact in json/csv). */
public enum Kind {
    /** A whole number of things: 1,234 for people, 1234 exact. */
    COUNT,
    /** A percentage with 2 decimals (BigDecimal): 87.5% for people, 87.50 exact. */
    PERCENT,
    /** Milliseconds (Long): 1m 23s for people, 83000 exact. */
    DURATION_MS,
    /** An instant (java.time.Instant): ISO-8601 UTC everywhere. */
    TIMESTAMP,
    /** Short text, never shortened. */
    TEXT,
    /** A name (workflow, tool, version): cut at the end with … when a table is too wide, code in markdown. */
    NAME,
    /** Long text such as a fingerprint: shortened with … keeping the tail when a table is too wide. */
    PATH,
    /** Free text such as an error type: shortened at the end with … when a table is too wide. */
    MESSAGE,
    /** true/false. */
    FLAG,
    /** A size in bytes (Long): 1.3 MiB for people, 1363968 exact. */
    BYTES,
    /** A share in percent (BigDecimal) drawn as a bar for people; json and csv leave the column out. */
    BAR
}
