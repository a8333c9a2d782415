package dev.clianalytics.export;

/** File formats export writes through DuckDB's COPY, with the file extension each gets. */
public enum ExportFormat {
    CSV("csv", "FORMAT csv, HEADER true"),
    JSONL("jsonl", "FORMAT json"),
    PARQUET("parquet", "FORMAT parquet, COMPRESSION zstd"),
    /** An IEEE 1849 event log of the workflow runs (XesExport), not a table copy. */
    XES("xes", null);

    private final String extension;
    private final String copyOptions;

    ExportFormat(String extension, String copyOptions) {
        this.extension = extension;
        this.copyOptions = copyOptions;
    }

    public String extension() {
        return extension;
    }

    String copyOptions() {
        return copyOptions;
    }

    /** Text formats write instants as ISO-8601 UTC text, as the reports do; Parquet keeps the type. */
    boolean isoTimestamps() {
        return this != PARQUET;
    }
}
