package dev.clianalytics.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What to ingest and how.
 *
 * @param inputs the files, in the order given (this order is the ingest order)
 * @param rejectsFile where every rejected line goes verbatim, or null
 * @param maxRejects more rejects than this abort the run; null for no limit
 */
public record IngestRequest(List<InputFile> inputs, InputFormat format, Path rejectsFile, boolean overwriteRejects,
        Long maxRejects) {
    public IngestRequest {
        inputs = List.copyOf(inputs);
    }

    public IngestRequest(List<InputFile> inputs, InputFormat format, Path rejectsFile, Long maxRejects) {
        this(inputs, format, rejectsFile, false, maxRejects);
    }
}
