package dev.clianalytics.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to ingest and how.
 *
 * @param inputs the files, in the order given (this order is the ingest order)
 * @param rejectsFile where every rejected line goes verbatim, or null
 * @param maxRejects more rejects than this abort the run; null for no limit
 * @param revealAt distinct actors that reveal a rare command word or flag name (--reveal-at; 1: rule off)
 * @param knownWords command words and flag names always stored in clear (settings, --commands)
 */
public record IngestRequest(List<InputFile> inputs, InputFormat format, Path rejectsFile, boolean overwriteRejects,
        Long maxRejects, int revealAt, Set<String> knownWords) {
    /** The default of --reveal-at. */
    public static final int REVEAL_AT = dev.clianalytics.ingest.sanitize.WordGate.DEFAULT_K;

    public IngestRequest {
        inputs = List.copyOf(inputs);
        knownWords = Set.copyOf(knownWords);
    }

    public IngestRequest(List<InputFile> inputs, InputFormat format, Path rejectsFile, boolean overwriteRejects,
            Long maxRejects) {
        this(inputs, format, rejectsFile, overwriteRejects, maxRejects, REVEAL_AT, Set.of());
    }

    public IngestRequest(List<InputFile> inputs, InputFormat format, Path rejectsFile, Long maxRejects) {
        this(inputs, format, rejectsFile, false, maxRejects);
    }
}
