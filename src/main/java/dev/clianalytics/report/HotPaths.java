package dev.clianalytics.report;

import java.util.List;

/** Failure hot paths of both kinds (SPEC §5.4), as the summary and `report hot-paths` show them. */
public record HotPaths(List<Fingerprint> fingerprints, List<Ngram> ngrams) {

    /** A fingerprint of FAILED runs; workflowName is the most frequent name among those runs. */
    public record Fingerprint(long rank, String fingerprint, long failureCount, String workflowName, long distinctActors) {}

    /** A 1-3 step sequence ending at a failing event. */
    public record Ngram(long rank, String ngram, long n, long failureCount, long occurrenceCount, long distinctActors,
            String topErrorType) {}
}
