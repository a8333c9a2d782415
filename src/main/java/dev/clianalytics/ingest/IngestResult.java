package dev.clianalytics.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What a committed ingest run did. Rejected lines are described by reason and location only,
 * never by content.
 */
public record IngestResult(
        int runId,
        List<FileResult> files,
        long accepted,
        long duplicates,
        long conflicts,
        long rejected,
        long unknownFields,
        List<NameCount> unknownFieldNames,
        List<ReasonCount> rejectReasons,
        long ignored,
        List<NameCount> ignoredNames,
        long flowEvents,
        long actorLinks,
        Duration elapsed,
        List<String> phases) {

    public IngestResult {
        files = List.copyOf(files);
        unknownFieldNames = List.copyOf(unknownFieldNames);
        rejectReasons = List.copyOf(rejectReasons);
        ignoredNames = List.copyOf(ignoredNames);
    }

    /** Timings of the steps of the run ("stage 1.20 s", ...), for --verbose. */
    @Override
    public List<String> phases() {
        return List.copyOf(phases);
    }

    /** One input: non-blank lines read and what became of them. */
    public record FileResult(String name, long bytes, long lines, long accepted, long duplicates, long conflicts,
            long rejected) {}

    /** A field name outside SPEC §3 and how many lines carried it. */
    public record NameCount(String name, long count) {}

    /** A reject reason, how many lines had it, and where the first few are ("file:line"). */
    public record ReasonCount(String reason, long count, List<String> firstLocations) {
        public ReasonCount {
            firstLocations = List.copyOf(firstLocations);
        }
    }

    public long bytes() {
        return files.stream().mapToLong(FileResult::bytes).sum();
    }
}
