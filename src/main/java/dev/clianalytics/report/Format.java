package dev.clianalytics.report;

/** The output formats of SPEC §6.3. */
public enum Format {
    TABLE, JSON, CSV, MARKDOWN;

    /** The renderer; width is the table's target width in columns. */
    public Renderer renderer(int width) {
        return switch (this) {
            case TABLE -> new TableRenderer(width);
            case JSON -> new JsonRenderer();
            case CSV -> new CsvRenderer();
            case MARKDOWN -> new MarkdownRenderer();
        };
    }
}
