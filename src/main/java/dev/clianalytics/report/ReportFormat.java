package dev.clianalytics.report;

/** The output formats of SPEC §6.3, and the graph formats only `report graph` has. */
public enum ReportFormat {
    TABLE, JSON, CSV, MARKDOWN, MERMAID, DOT;

    /** The renderer; width is the table's target width in columns. */
    public Renderer renderer(int width) {
        return switch (this) {
            case TABLE -> new TableRenderer(width);
            case JSON -> new JsonRenderer();
            case CSV -> new CsvRenderer();
            case MARKDOWN -> new MarkdownRenderer();
            case MERMAID -> new GraphRenderer(true);
            case DOT -> new GraphRenderer(false);
        };
    }

    /** A drawing of a graph: only for a report with nodes and edges. */
    public boolean graphOnly() {
        return this == MERMAID || this == DOT;
    }
}
