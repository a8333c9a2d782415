package dev.clianalytics.report;

/**
 * The output formats of SPEC §6.3, the graph formats only `report graph` has, and html: a page of
 * the report's sections (report.html.HtmlReport, not a renderer of its document).
 */
public enum ReportFormat {
    TABLE, JSON, CSV, MARKDOWN, MERMAID, DOT, HTML;

    /** The renderer; width is the table's target width in columns. Not for html (a page, not a document). */
    public Renderer renderer(int width) {
        return switch (this) {
            case TABLE -> new TableRenderer(width);
            case JSON -> new JsonRenderer();
            case CSV -> new CsvRenderer();
            case MARKDOWN -> new MarkdownRenderer();
            case MERMAID -> new GraphRenderer(true);
            case DOT -> new GraphRenderer(false);
            case HTML -> throw new IllegalStateException("an HTML page is written by HtmlReport, from the report's sections");
        };
    }

    /** A drawing of a graph: only for a report with nodes and edges. */
    public boolean graphOnly() {
        return this == MERMAID || this == DOT;
    }
}
