package dev.clianalytics.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report document in one format to a writer the command provides. */
public interface Renderer {
    void render(Document doc, Writer out) throws IOException;
}
