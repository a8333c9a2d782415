package dev.clianalytics.export;

/** File formats export writes through DuckDB's COPY, with the file extension each gets. */
public enum ExportFormat {
    CSV("csv", "FORMAT csv, HEADER true"),
    JSON("jsonl", "FORMAT json"),
    PARQUET("parquet", "FORMAT parquet, COMPRESSION zstd");

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
}
